// Shows each Tasklist filter's task count beside its name, for every filter at once (Camunda Tasklist 7 counts only
// the selected one). One GET of the user's filters with their item counts every 10 seconds and after each click;
// the engine answers with the counts the user may see.
const base = document.querySelector('base');
const engineApi = (base && base.getAttribute('engine-api')) || '/camunda/api/engine/';
const url = engineApi + 'engine/default/filter?resourceType=Task&itemCount=true';

function show(counts) {
  document.querySelectorAll('.task-filter h4.name a').forEach(link => {
    let badge = link.querySelector('.pl-filter-count');
    const name = Array.from(link.childNodes).filter(n => n.nodeType === Node.TEXT_NODE)
      .map(n => n.textContent).join('').trim();
    if (!(name in counts)) {
      return;
    }
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'pl-filter-count';
      link.appendChild(badge);
    }
    badge.textContent = String(counts[name]);
  });
}

function refresh() {
  fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => (response.ok ? response.json() : []))
    .then(filters => {
      const counts = {};
      filters.forEach(filter => { counts[filter.name] = filter.itemCount; });
      show(counts);
    })
    .catch(() => {});
}

setInterval(refresh, 10000);
document.addEventListener('click', () => setTimeout(refresh, 1000));
new MutationObserver(() => {
  if (document.querySelector('.task-filter h4.name a:not(:has(.pl-filter-count))')) {
    refresh();
  }
}).observe(document.documentElement, {childList: true, subtree: true});
refresh();
