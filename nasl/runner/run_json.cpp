#include <string>
#include <variant>

#include "core/json_fields.hpp"
#include "nasl/runner/runner.hpp"

namespace ttmtrack::nasl::runner {
namespace {

using Json = nlohmann::ordered_json;

Json Pairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
  Json out = Json::object();
  for (const auto& [k, v] : pairs) out[k] = v;  // a repeated key keeps its last value
  return out;
}

Json DescriptionJson(const Description& d) {
  Json out = Json::object();
  out["oid"] = core::OptionalJson(d.oid);
  out["id"] = core::OptionalJson(d.id);
  out["name"] = core::OptionalJson(d.name);
  out["family"] = core::OptionalJson(d.family);
  out["category"] = core::OptionalJson(d.category);
  out["version"] = core::OptionalJson(d.version);
  out["copyright"] = core::OptionalJson(d.copyright);
  out["summary"] = core::OptionalJson(d.summary);
  out["dependencies"] = d.dependencies;
  out["require_ports"] = d.require_ports;
  out["tags"] = Pairs(d.tags);
  out["attributes"] = Pairs(d.attributes);
  out["xrefs"] = Json::array();
  for (const auto& x : d.xrefs) out["xrefs"].push_back({{"name", x.name}, {"value", x.value}});
  out["preferences"] = Json::array();
  for (const auto& p : d.preferences) {
    out["preferences"].push_back({{"name", p.name}, {"type", p.type}, {"value", p.value}});
  }
  out["calls"] = Json::array();
  for (const auto& c : d.calls) {
    out["calls"].push_back(
        {{"function", c.function}, {"args", c.named}, {"positional", c.positional}});
  }
  return out;
}

Json ReportJson(const RecordedCall& call) {
  Json out = Json::object();
  out["function"] = call.function;
  for (const auto& [name, value] : call.named.items()) out[name] = value;
  if (!call.positional.empty()) out["positional"] = call.positional;
  return out;
}

}  // namespace

std::string ToJson(const RunResult& result) {
  Json out = Json::object();
  out["profile"] = core::ToText(result.profile);
  out["description"] = DescriptionJson(result.description);
  out["scheduled"] = result.scheduled;
  out["runs"] = result.runs;
  out["reports"] = Json::array();
  for (const auto& r : result.reports) out["reports"].push_back(ReportJson(r));
  out["kb_writes"] = Json::array();
  for (const auto& w : result.kb_writes) {
    Json value = std::holds_alternative<std::int64_t>(w.value)
                     ? Json(std::get<std::int64_t>(w.value))
                     : Json(std::get<std::string>(w.value));
    out["kb_writes"].push_back({{"name", w.name}, {"value", value}, {"replace", w.replace}});
  }
  out["errors"] = result.errors;
  out["display"] = result.display;
  // Plugin output is untrusted bytes: invalid UTF-8 becomes U+FFFD rather than an exception.
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace ttmtrack::nasl::runner
