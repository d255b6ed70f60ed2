package org.pledgeworks.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailCatcherTest {

    private static final String VERIFY = "http://127.0.0.1:8080/verify/eyJzaWQiOiIxIn0.c2ln?lang=en&src=mail";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private MailCatcher catcher;

    @BeforeEach
    void start() {
        catcher = MailCatcher.start("127.0.0.1", 0, 0);
    }

    @AfterEach
    void stop() {
        catcher.close();
    }

    @Test
    void aMultipartMailSentOverSmtpIsListedOnceWithItsPartsLinksAndHeaders() throws Exception {
        send(verificationMail("Please confirm your signature"));

        JsonNode messages = json.readTree(get("/api/messages").body());

        assertThat(messages).hasSize(1);
        JsonNode message = messages.get(0);
        assertThat(message.get("id").asText()).isNotBlank();
        assertThat(message.get("from").asText()).isEqualTo("Pledgeworks <no-reply@pledgeworks.local>");
        assertThat(message.get("to")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("ada@example.org", "grace@example.org", "hidden@example.org");
        assertThat(message.get("subject").asText()).isEqualTo("Please confirm your signature");
        assertThat(message.get("receivedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(message.get("text").asText()).contains("Confirm here: " + VERIFY);
        assertThat(message.get("html").asText()).contains("<a href=\"" + VERIFY.replace("&", "&amp;") + "\">");
        assertThat(message.get("links")).extracting(JsonNode::asText)
                .containsExactly(VERIFY, "https://pledgeworks.example/privacy");
        assertThat(message.get("headers").get("List-Unsubscribe").asText()).isEqualTo("<http://127.0.0.1:8080/unsubscribe/t0k3n>");
        assertThat(message.get("headers").get("Subject").asText()).isEqualTo("Please confirm your signature");
    }

    @Test
    void eachRecipientsMessageIdsAreListedForCountingDeliveries() throws Exception {
        send(verificationMail("Please confirm your signature"));
        String messageId = catcher.messages().get(0).headers().get("Message-ID");

        JsonNode recipients = json.readTree(get("/api/recipients").body());

        assertThat(messageId).startsWith("<");
        assertThat(recipients.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("ada@example.org", "grace@example.org", "hidden@example.org");
        assertThat(recipients.get("hidden@example.org")).extracting(JsonNode::asText).containsExactly(messageId);
    }

    @Test
    void theNewestMailComesFirstAndDeleteEmptiesTheInbox() throws Exception {
        send(verificationMail("first"));
        send(verificationMail("second"));

        assertThat(json.readTree(get("/api/messages").body())).extracting(node -> node.get("subject").asText())
                .containsExactly("second", "first");
        assertThat(catcher.messages()).hasSize(2);

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(uri("/api/messages")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/api/messages").body()).isEqualTo("[]");
    }

    @Test
    void thePagesEscapeWhatTheMailSays() throws Exception {
        send(verificationMail("<script>alert('subject')</script> & more"));
        String id = catcher.messages().get(0).id();

        String list = get("/").body();
        String page = get("/messages/" + id).body();

        assertThat(list).contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt; &amp; more")
                .doesNotContain("<script>");
        assertThat(page).contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;")
                .contains("&lt;b&gt;not bold&lt;/b&gt;") // the text part, shown as text
                .doesNotContain("<script>")
                .doesNotContain("<b>not bold</b>");
        assertThat(get("/").headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("default-src 'none'").doesNotContain("script-src"));
    }

    @Test
    void theHtmlPartIsFramedInASandboxThatBlocksScriptsButKeepsLinksClickable() throws Exception {
        send(verificationMail("Confirm"));
        String id = catcher.messages().get(0).id();

        String page = get("/messages/" + id).body();
        HttpResponse<String> html = get("/messages/" + id + "/html");

        assertThat(page).contains("<iframe src=\"/messages/" + id + "/html\" sandbox=\""
                + "allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation\"");
        assertThat(page).doesNotContain("allow-scripts").doesNotContain("allow-same-origin");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).startsWith("<base target=\"_top\">").contains("href=\"" + VERIFY.replace("&", "&amp;"));
        assertThat(html.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'none'", "sandbox allow-popups").doesNotContain("script-src", "allow-scripts"));
        assertThat(html.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void theRawMessageIsServedAsPlainText() throws Exception {
        send(verificationMail("Raw"));
        String id = catcher.messages().get(0).id();

        HttpResponse<String> raw = get("/messages/" + id + "/raw");

        assertThat(raw.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(raw.body()).contains("Subject: Raw", "List-Unsubscribe:", "multipart/alternative");
    }

    @Test
    void healthUnknownPathsAndWrongMethodsAnswerAsHttpShould() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/messages/999").statusCode()).isEqualTo(404);
        assertThat(get("/api/messages/999").statusCode()).isEqualTo(404);
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/api/messages"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, DELETE");
    }

    @Test
    void anyCredentialsAreAccepted() throws Exception {
        Properties props = smtpProperties();
        props.put("mail.smtp.auth", "true");
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom("app@pledgeworks.local");
        message.setRecipients(Message.RecipientType.TO, "someone@example.org");
        message.setSubject("authenticated");
        message.setText("hello");

        Transport.send(message, "whoever", "whatever");

        assertThat(catcher.messages()).extracting(CaughtMessage::subject).containsExactly("authenticated");
    }

    private MimeMessage verificationMail(String subject) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(smtpProperties()));
        message.setFrom(new InternetAddress("no-reply@pledgeworks.local", "Pledgeworks"));
        message.setRecipients(Message.RecipientType.TO, "ada@example.org");
        message.setRecipients(Message.RecipientType.CC, "grace@example.org");
        message.setRecipients(Message.RecipientType.BCC, "hidden@example.org");
        message.setSubject(subject, "UTF-8");
        message.setHeader("List-Unsubscribe", "<http://127.0.0.1:8080/unsubscribe/t0k3n>");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Thank you for signing.\nConfirm here: " + VERIFY + ".\n<b>not bold</b>\n", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<html><body><p>Thank you for signing.</p><p><a href=\"" + VERIFY.replace("&", "&amp;")
                + "\">Confirm your signature</a></p><script>document.title='pwned'</script>"
                + "<p><a href='https://pledgeworks.example/privacy'>Privacy</a> <a href=\"mailto:help@pledgeworks.local\">help</a></p>"
                + "</body></html>", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        return message;
    }

    private void send(MimeMessage message) throws Exception {
        int before = catcher.messages().size();
        Transport.send(message);
        for (int i = 0; i < 100 && catcher.messages().size() == before; i++) {
            Thread.sleep(20);
        }
    }

    private Properties smtpProperties() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(catcher.smtpPort()));
        return props;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return catcher.inboxUri().resolve(path);
    }
}
