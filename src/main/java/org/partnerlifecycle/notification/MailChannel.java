package org.partnerlifecycle.notification;

import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Email through SMTP when {@code SMTP_HOST} is set ({@code SMTP_PORT}, {@code SMTP_USER}, {@code SMTP_PASSWORD},
 * {@code MAIL_FROM}); without it {@link #configured()} is false and the outbox stores emails instead of sending them.
 * Timeouts are short (10 s): the worker must not hang on a dead server.
 */
@Component
class MailChannel {

  private final JavaMailSenderImpl sender;
  private final String from;

  MailChannel(@Value("${partner-lifecycle.mail.host:}") String host,
      @Value("${partner-lifecycle.mail.port:25}") int port,
      @Value("${partner-lifecycle.mail.username:}") String username,
      @Value("${partner-lifecycle.mail.password:}") String password,
      @Value("${partner-lifecycle.mail.from:partners@localhost}") String from) {
    this.from = from;
    if (host == null || host.isBlank()) {
      this.sender = null;
      return;
    }
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost(host.trim());
    mail.setPort(port);
    if (!username.isBlank()) {
      mail.setUsername(username);
      mail.setPassword(password);
    }
    Properties properties = mail.getJavaMailProperties();
    properties.put("mail.smtp.auth", Boolean.toString(!username.isBlank()));
    properties.put("mail.smtp.starttls.enable", "true");
    properties.put("mail.smtp.connectiontimeout", "10000");
    properties.put("mail.smtp.timeout", "10000");
    properties.put("mail.smtp.writetimeout", "10000");
    this.sender = mail;
  }

  boolean configured() {
    return sender != null;
  }

  void send(String to, String subject, String text) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(to);
    message.setSubject(subject);
    message.setText(text);
    sender.send(message);
  }
}
