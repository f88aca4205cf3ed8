// Notifications (cli/notify/) against real receivers on loopback: an HTTP(S) server and an SMTP
// server written in the tests, with certificates made by openssl at test time.
#include <fstream>
#include <sstream>

#include <Poco/Net/QuotedPrintableDecoder.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/notify/email_sender.hpp"
#include "cli/notify/notification.hpp"
#include "cli/notify/webhook_sender.hpp"
#include "tests/cli/receivers/smtp_receiver.hpp"
#include "tests/cli/receivers/test_certificates.hpp"
#include "tests/cli/receivers/webhook_receiver.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::cli {
namespace {

using std::chrono::seconds;

// A port on which nothing listens: a receiver's, after it stopped.
std::uint16_t ClosedPort() {
  test::WebhookReceiver receiver;
  return receiver.port();
}

TEST(WebhookTest, PostsTheJsonBodyOnceToTheUrl) {
  test::WebhookReceiver receiver;
  const std::string body = R"({"source":"ttmtrack","attention":["1 new exposure"]})";
  EXPECT_EQ(PostWebhook({.url = receiver.url(), .timeout = seconds(10)}, body), std::nullopt);
  const auto requests = receiver.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].uri, "/hooks/ttmtrack?token=secret");
  EXPECT_EQ(requests[0].headers.at("content-type"), "application/json");
  EXPECT_EQ(requests[0].headers.at("user-agent").rfind("ttmtrack/", 0), 0u);
  EXPECT_EQ(requests[0].body, body);
}

TEST(WebhookTest, AnErrorStatusIsAFailedDelivery) {
  test::WebhookReceiver receiver(500);
  const auto failure = PostWebhook({.url = receiver.url(), .timeout = seconds(10)}, "{}");
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(*failure, "HTTP 500 Internal Server Error");
  test::WebhookReceiver redirect(302);
  EXPECT_NE(PostWebhook({.url = redirect.url(), .timeout = seconds(10)}, "{}")
                .value_or("")
                .find("redirects are not followed"),
            std::string::npos);
}

TEST(WebhookTest, NobodyListeningIsAFailedDelivery) {
  const std::string url = "http://127.0.0.1:" + std::to_string(ClosedPort()) + "/";
  const auto failure = PostWebhook({.url = url, .timeout = seconds(5)}, "{}");
  ASSERT_TRUE(failure.has_value());
  EXPECT_NE(failure->find("refused"), std::string::npos) << *failure;
}

TEST(WebhookTest, HttpsDeliversWhenTheCertificateVerifies) {
  const test::TestCertificates certs;
  test::WebhookReceiver receiver(200, certs.server_cert(), certs.server_key());
  EXPECT_EQ(PostWebhook({.url = receiver.url(), .ca_file = certs.ca_file(), .timeout = seconds(10)},
                        "{}"),
            std::nullopt);
  EXPECT_EQ(receiver.requests().size(), 1u);
}

TEST(WebhookTest, HttpsRefusesAnUntrustedCertificateAndSendsNothing) {
  const test::TestCertificates certs;
  test::WebhookReceiver receiver(200, certs.server_cert(), certs.server_key());
  // The system's CAs do not include the test CA.
  const auto failure = PostWebhook({.url = receiver.url(), .timeout = seconds(10)}, "{}");
  ASSERT_TRUE(failure.has_value());
  EXPECT_NE(failure->find("certificate"), std::string::npos) << *failure;
  EXPECT_TRUE(receiver.requests().empty());
}

TEST(WebhookTest, HttpsRefusesACertificateForAnotherHost) {
  const test::TestCertificates certs;
  test::WebhookReceiver receiver(200, certs.other_server_cert(), certs.other_server_key());
  const auto failure = PostWebhook(
      {.url = receiver.url(), .ca_file = certs.ca_file(), .timeout = seconds(10)}, "{}");
  ASSERT_TRUE(failure.has_value());
  EXPECT_TRUE(receiver.requests().empty());
}

TEST(WebhookTest, UrlsAreShownWithoutPathOrQuery) {
  EXPECT_EQ(RedactedUrl("https://hooks.example.org/T000/B000/secret?x=1"),
            "https://hooks.example.org/...");
  EXPECT_EQ(RedactedUrl("http://127.0.0.1:8080/hook"), "http://127.0.0.1:8080/...");
}

std::string DecodeQuotedPrintable(const std::string& text) {
  std::istringstream in(text);
  Poco::Net::QuotedPrintableDecoder decoder(in);
  return {std::istreambuf_iterator<char>(decoder), {}};
}

EmailTarget Target(std::uint16_t port) {
  EmailTarget target;
  target.to = {"secops@example.org", "network@example.org"};
  target.from = "ttmtrack@scanner.example.org";
  target.host = "localhost";
  target.port = port;
  target.starttls = false;
  target.timeout = seconds(10);
  return target;
}

TEST(EmailTest, PlainSmtpDeliversOneMessageToEveryRecipient) {
  test::SmtpReceiver receiver({});
  const std::string text = "Needs attention:\n  - 1 new exposure\n";
  EXPECT_EQ(SendEmail(Target(receiver.port()), "ttmtrack on host: 1 new exposure", text),
            std::nullopt);
  const auto sessions = receiver.sessions();
  ASSERT_EQ(sessions.size(), 1u);
  const test::ReceivedMail& mail = sessions[0];
  EXPECT_FALSE(mail.tls);
  EXPECT_EQ(mail.mail_from, "ttmtrack@scanner.example.org");
  EXPECT_EQ(mail.rcpt_to, (std::vector<std::string>{"secops@example.org", "network@example.org"}));
  EXPECT_NE(mail.data.find("Subject: ttmtrack on host: 1 new exposure"), std::string::npos)
      << mail.data;
  EXPECT_NE(mail.data.find("Content-Type: text/plain; charset=UTF-8"), std::string::npos);
  // The body, decoded, is the text; SMTP's closing line break is the receiver's "\n".
  const std::string body = DecodeQuotedPrintable(mail.data.substr(mail.data.find("\n\n") + 2));
  EXPECT_EQ(body, text + "\n");
  EXPECT_TRUE(mail.quit);
}

TEST(EmailTest, StartTlsWithAVerifiedCertificateAndAuth) {
  const test::TestCertificates certs;
  test::SmtpReceiver receiver({.offer_starttls = true,
                               .cert_file = certs.server_cert(),
                               .key_file = certs.server_key(),
                               .offer_auth = true});
  test::TempDir dir;
  std::ofstream(dir.File("password")) << "s3cret\n";
  EmailTarget target = Target(receiver.port());
  target.starttls = true;
  target.ca_file = certs.ca_file();
  target.user = "ttmtrack";
  target.password_file = dir.File("password");
  EXPECT_EQ(SendEmail(target, "subject", "body\n"), std::nullopt);
  const auto sessions = receiver.sessions();
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_TRUE(sessions[0].tls);
  EXPECT_EQ(sessions[0].auth_user, "ttmtrack");
  EXPECT_EQ(sessions[0].auth_password, "s3cret");
  EXPECT_EQ(sessions[0].rcpt_to.size(), 2u);
}

TEST(EmailTest, WithoutStartTlsOnOfferNothingIsSent) {
  test::SmtpReceiver receiver({});
  EmailTarget target = Target(receiver.port());
  target.starttls = true;
  const auto failure = SendEmail(target, "subject", "body\n");
  ASSERT_TRUE(failure.has_value());
  EXPECT_NE(failure->find("does not offer STARTTLS"), std::string::npos) << *failure;
  const auto sessions = receiver.sessions();
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].mail_from, "");
  EXPECT_TRUE(sessions[0].data.empty());
}

TEST(EmailTest, AnUnverifiableCertificateMeansNothingIsSent) {
  const test::TestCertificates certs;
  test::SmtpReceiver receiver(
      {.offer_starttls = true, .cert_file = certs.server_cert(), .key_file = certs.server_key()});
  EmailTarget target = Target(receiver.port());
  target.starttls = true;  // system CAs: the test CA is unknown
  ASSERT_TRUE(SendEmail(target, "subject", "body\n").has_value());
  for (const test::ReceivedMail& mail : receiver.sessions()) {
    EXPECT_TRUE(mail.data.empty());
    EXPECT_TRUE(mail.rcpt_to.empty());
  }
}

TEST(EmailTest, AMissingPasswordFileFailsBeforeConnecting) {
  test::SmtpReceiver receiver({});
  EmailTarget target = Target(receiver.port());
  target.user = "ttmtrack";
  target.password_file = "/nonexistent/password";
  EXPECT_NE(SendEmail(target, "s", "b").value_or("").find("password-file"), std::string::npos);
  EXPECT_TRUE(receiver.sessions().empty());
}

TEST(NotificationTest, OnlyWhatNeedsAPersonTriggersAMessage) {
  RunSummary quiet;
  EXPECT_EQ(BuildNotification(quiet, false, "scanner"), std::nullopt);
  const auto always = BuildNotification(quiet, true, "scanner");
  ASSERT_TRUE(always.has_value());
  EXPECT_EQ(always->subject, "ttmtrack on scanner: nightly run, nothing needs attention");

  RunSummary busy;
  core::Exposure e;
  e.ip = "10.0.0.5";
  e.port = 5010;
  e.protocol = "tcp";
  busy.exposures.new_exposures = {e, e};
  busy.exposures.reopened = {e};
  DropResult refused;
  refused.name = "bad.nessus";
  refused.status = DropStatus::kRefused;
  busy.files = {refused};
  const auto message = BuildNotification(busy, false, "scanner");
  ASSERT_TRUE(message.has_value());
  EXPECT_EQ(message->attention, (std::vector<std::string>{"2 new exposures", "1 reopened exposure",
                                                          "1 file refused (moved to failed/)"}));
  EXPECT_EQ(message->subject,
            "ttmtrack on scanner: 2 new exposures, 1 reopened exposure, 1 file refused (moved "
            "to failed/)");
  EXPECT_EQ(message->json["source"], "ttmtrack");
  EXPECT_EQ(message->json["run"]["exposures"]["reopened"], 0);  // counts come from the store
  EXPECT_EQ(message->json["run"]["new_exposures"].size(), 2u);
  EXPECT_FALSE(message->json["run"].contains("notifications"));
}

}  // namespace
}  // namespace ttmtrack::cli
