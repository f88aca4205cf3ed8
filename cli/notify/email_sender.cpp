#include "cli/notify/email_sender.hpp"

#include <fstream>

#include <Poco/Exception.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/SecureSMTPClientSession.h>

#include "cli/notify/tls_client.hpp"

namespace ttmtrack::cli {
namespace {

std::optional<std::string> ReadPassword(const std::string& path, std::string& password) {
  std::ifstream in(path);
  if (!in) return "cannot read notify.smtp.password-file " + path;
  std::getline(in, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return std::nullopt;
}

void Compose(Poco::Net::MailMessage& message, const EmailTarget& target, const std::string& subject,
             const std::string& text) {
  message.setSender(target.from);
  for (const std::string& to : target.to) {
    message.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, to));
  }
  message.setSubject(Poco::Net::MailMessage::encodeWord(subject, "UTF-8"));
  message.setContentType("text/plain; charset=UTF-8");
  message.setContent(text, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
}

}  // namespace

std::optional<std::string> SendEmail(const EmailTarget& target, const std::string& subject,
                                     const std::string& text) {
  std::string password;
  if (!target.user.empty()) {
    if (auto problem = ReadPassword(target.password_file, password)) return problem;
  }
  // The one place where Poco's SMTP exceptions become a delivery result (STYLE.md §3).
  try {
    Poco::Net::SecureSMTPClientSession session(target.host, target.port);
    session.setTimeout(Poco::Timespan(static_cast<long>(target.timeout.count()), 0));
    session.login();
    if (target.starttls) {
      if (!session.startTLS(ClientTlsContext(target.ca_file))) {
        session.close();
        return "the SMTP server does not offer STARTTLS; nothing was sent (notify.smtp.tls = "
               "none allows plain SMTP)";
      }
    }
    if (target.user.empty()) {
      if (target.starttls) session.login();  // EHLO again inside TLS (RFC 3207)
    } else {
      session.login(Poco::Net::SMTPClientSession::AUTH_PLAIN, target.user, password);
    }
    Poco::Net::MailMessage message;
    Compose(message, target, subject, text);
    session.sendMessage(message);
    session.close();
    return std::nullopt;
  } catch (const Poco::Exception& error) {
    return error.displayText();
  }
}

}  // namespace ttmtrack::cli
