// The auditors' console: draws each process instance's diagram (bpmn-js, served from the jar) with the path taken
// and, on each user task, who completed it and when. Data: /audit/processes/{id}/diagram.bpmn and /path.json.
(function () {
  'use strict';

  function text(tag, className, value) {
    var element = document.createElement(tag);
    element.className = className;
    element.textContent = value;
    return element;
  }

  function draw(container) {
    var instance = container.getAttribute('data-instance');
    var base = '/audit/processes/' + encodeURIComponent(instance);
    Promise.all([
      fetch(base + '/diagram.bpmn', {credentials: 'same-origin'}).then(function (r) { return r.text(); }),
      fetch(base + '/path.json', {credentials: 'same-origin'}).then(function (r) { return r.json(); })
    ]).then(function (results) {
      var viewer = new BpmnJS({container: container});
      return viewer.importXML(results[0]).then(function () {
        var canvas = viewer.get('canvas');
        var overlays = viewer.get('overlays');
        var registry = viewer.get('elementRegistry');
        canvas.zoom('fit-viewport');
        results[1].taken.forEach(function (id) {
          if (registry.get(id)) { canvas.addMarker(id, 'taken'); }
        });
        results[1].active.forEach(function (id) {
          if (registry.get(id)) { canvas.addMarker(id, 'active'); }
        });
        var rows = {};
        results[1].tasks.forEach(function (task) {
          if (!registry.get(task.activityId)) { return; }
          var label = task.state === 'completed' ? task.by + ', ' + task.at
              : task.state === 'open' ? 'open' + (task.by ? ' (' + task.by + ')' : '') : 'cancelled ' + (task.at || '');
          var row = rows[task.activityId] || 0;
          rows[task.activityId] = row + 1;
          overlays.add(task.activityId, {
            position: {top: -20 - 18 * row, left: 0},
            html: text('div', 'who ' + task.state, label)
          });
        });
        container.setAttribute('data-rendered', 'true');
      });
    }).catch(function (error) {
      container.appendChild(text('p', 'error', 'The diagram could not be drawn: ' + error));
    });
  }

  document.querySelectorAll('.diagram[data-instance]').forEach(draw);
}());
