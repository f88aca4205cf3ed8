#pragma once

#include <optional>
#include <vector>

#include "cli/config/config.hpp"
#include "cli/notify/email_sender.hpp"
#include "cli/notify/webhook_sender.hpp"
#include "cli/run_summary.hpp"

namespace ttmtrack::cli {

// The targets the config names (notify.webhook.*, notify.email.*, notify.smtp.*); nullopt when
// that target is not configured.
std::optional<WebhookTarget> WebhookTargetFrom(const Config& config);
std::optional<EmailTarget> EmailTargetFrom(const Config& config, const std::string& host_name);

// Sends the run's one message (BuildNotification) to each configured target and returns one
// outcome per target, in the order webhook, e-mail (empty when none is configured). A target
// that fails does not stop the other; nothing is retried (the next run's message repeats what
// still needs a person). Never throws for network trouble.
std::vector<RunNotification> SendNotifications(const RunSummary& summary, const Config& config);

}  // namespace ttmtrack::cli
