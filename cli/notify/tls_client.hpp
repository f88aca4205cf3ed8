#pragma once

#include <string>

#include <Poco/Net/Context.h>

namespace ttmtrack::cli {

// The TLS client settings of every notification: the server's certificate must chain to a
// trusted CA — `ca_file` (PEM) when given, else the system's store (/etc/ssl/certs) — and name
// the host connected to (Context::VERIFY_STRICT, which Poco applies to loopback hosts too);
// TLS 1.2 or newer. Initialises Poco's SSL library on first use. Throws Poco::Exception when
// `ca_file` cannot be loaded.
Poco::Net::Context::Ptr ClientTlsContext(const std::string& ca_file);

}  // namespace ttmtrack::cli
