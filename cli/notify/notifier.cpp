#include "cli/notify/notifier.hpp"

#include <Poco/Environment.h>

#include "cli/notify/notification.hpp"

namespace ttmtrack::cli {

std::optional<WebhookTarget> WebhookTargetFrom(const Config& config) {
  if (!config.IsSet("notify.webhook.url")) return std::nullopt;
  WebhookTarget target;
  target.url = config.Text("notify.webhook.url");
  target.ca_file = config.Text("notify.webhook.ca-file");
  target.timeout = std::chrono::seconds(config.Number("notify.webhook.timeout-seconds"));
  return target;
}

std::optional<EmailTarget> EmailTargetFrom(const Config& config, const std::string& host_name) {
  if (!config.IsSet("notify.email.to")) return std::nullopt;
  EmailTarget target;
  target.to = config.List("notify.email.to");
  target.from = config.IsSet("notify.email.from") ? config.Text("notify.email.from")
                                                  : "ttmtrack@" + host_name;
  target.host = config.Text("notify.smtp.host");
  target.port = static_cast<std::uint16_t>(config.Number("notify.smtp.port"));
  target.starttls = config.Text("notify.smtp.tls") != "none";
  target.ca_file = config.Text("notify.smtp.ca-file");
  target.user = config.Text("notify.smtp.user");
  target.password_file = config.Text("notify.smtp.password-file");
  target.timeout = std::chrono::seconds(config.Number("notify.smtp.timeout-seconds"));
  return target;
}

std::vector<RunNotification> SendNotifications(const RunSummary& summary, const Config& config) {
  const std::string host_name = Poco::Environment::nodeName();
  const std::optional<WebhookTarget> webhook = WebhookTargetFrom(config);
  const std::optional<EmailTarget> email = EmailTargetFrom(config, host_name);
  std::vector<RunNotification> outcomes;
  if (!webhook && !email) return outcomes;
  const std::optional<Notification> message =
      BuildNotification(summary, config.Text("notify.when") == "always", host_name);
  auto deliver = [&](std::string target, std::string destination, auto send) {
    RunNotification outcome;
    outcome.target = std::move(target);
    outcome.destination = std::move(destination);
    if (message) {
      const std::optional<std::string> failure = send();
      outcome.status = failure ? RunNotification::Status::kFailed : RunNotification::Status::kSent;
      outcome.error = failure.value_or("");
    }
    outcomes.push_back(std::move(outcome));
  };
  if (webhook) {
    deliver("webhook", RedactedUrl(webhook->url), [&] {
      return PostWebhook(
          *webhook,
          message->json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    });
  }
  if (email) {
    std::string recipients;
    for (const std::string& to : email->to) recipients += (recipients.empty() ? "" : ", ") + to;
    deliver("email", recipients,
            [&] { return SendEmail(*email, message->subject, message->text); });
  }
  return outcomes;
}

}  // namespace ttmtrack::cli
