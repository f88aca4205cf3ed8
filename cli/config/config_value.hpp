#pragma once

#include <optional>
#include <string>

#include "cli/config/config_keys.hpp"

namespace ttmtrack::cli {

// Checks `value` against `key`'s type (ConfigType). nullopt when it is acceptable, else what is
// wrong, phrased to follow "key \"K\": " in an error message. An empty value is accepted only
// for keys whose default is unset (it then means unset).
std::optional<std::string> CheckConfigValue(const ConfigKey& key, const std::string& value);

}  // namespace ttmtrack::cli
