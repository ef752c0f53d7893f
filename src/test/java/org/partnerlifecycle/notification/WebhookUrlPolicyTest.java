package org.partnerlifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** SSRF rules of profile postgres: https to public addresses only, unless private ones are allowed. */
class WebhookUrlPolicyTest {

  private final WebhookUrlPolicy strict = new WebhookUrlPolicy(false);
  private final WebhookUrlPolicy open = new WebhookUrlPolicy(true);

  @Test
  void strictRefusesHttpPrivateAndLocalAddresses() {
    assertThat(strict.refusal("http://93.184.216.34/hook")).hasValueSatisfying(m -> assertThat(m).contains("https"));
    for (String url : new String[] {"https://127.0.0.1/hook", "https://10.1.2.3/x", "https://192.168.0.1/",
        "https://172.16.5.5/", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/", "https://[::1]/",
        "https://[fd00::1]/", "https://[::ffff:127.0.0.1]/", "https://0.0.0.0/", "https://localhost/"}) {
      assertThat(strict.refusal(url)).as(url).hasValueSatisfying(m -> assertThat(m).contains("public"));
    }
    assertThat(strict.refusal("https://93.184.216.34/hook")).isEmpty();
  }

  @Test
  void everyModeRefusesWhatIsNotAnHttpUrl() {
    for (String url : new String[] {"ftp://example.com/", "/relative", "https://user:pw@example.com/",
        "file:///etc/passwd", "https://example.com/#frag", "not a url"}) {
      assertThat(open.refusal(url)).as(url).isPresent();
    }
    assertThat(open.refusal("http://127.0.0.1:8081/hook")).isEmpty();
  }

  @Test
  void publicAddresses() throws Exception {
    assertThat(WebhookUrlPolicy.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
    assertThat(WebhookUrlPolicy.isPublic(InetAddress.getByName("2001:4860:4860::8888"))).isTrue();
    assertThat(WebhookUrlPolicy.isPublic(InetAddress.getByName("224.0.0.1"))).isFalse();
  }
}
