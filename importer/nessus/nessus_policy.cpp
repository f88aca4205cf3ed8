#include "importer/nessus/nessus_policy.hpp"

#include <algorithm>

#include "importer/text_util.hpp"
#include "importer/xml/xml_reader.hpp"

namespace ttmtrack::importer::nessus {
namespace {

void SortUnique(std::vector<std::string>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

// Reads the children of the current element named in `fields` as name → text pairs, calling
// on_field for each; other children are skipped (their text is not kept: NessusReader).
template <typename OnField>
void ReadFields(xml::XmlReader& xml, std::initializer_list<std::string_view> fields,
                OnField&& on_field) {
  xml.ForEachChild([&](std::string_view child) {
    if (std::find(fields.begin(), fields.end(), child) == fields.end()) return;
    const std::string field(child);
    on_field(field, xml.ReadText());
  });
}

void ReadServerPreference(xml::XmlReader& xml, NessusPolicy& policy) {
  std::string name;
  std::string value;
  ReadFields(xml, {"name", "value"}, [&](const std::string& field, std::string text) {
    if (field == "name") name = std::string(Trim(text));
    if (field == "value") value = std::move(text);
  });
  if (name == "plugin_set") {
    // Often 100,000+ IDs on one line; the sorted list lets consumers binary-search it.
    std::vector<std::string> ids = SplitTrimmed(value, ';');
    // An empty plugin_set cannot describe a scan that ran (it would have run no plugin at all):
    // it says nothing, so it is treated as absent rather than as "nothing enabled".
    if (ids.empty()) return;
    SortUnique(ids);
    policy.plugin_set = std::move(ids);
  } else if (name == "port_range") {
    policy.port_range = std::string(Trim(value));
  }
}

void ReadFamilySelection(xml::XmlReader& xml, NessusPolicy& policy) {
  xml.ForEachChild([&](std::string_view child) {
    if (child != "FamilyItem") return;
    std::string family;
    std::string status;
    ReadFields(xml, {"FamilyName", "Status"},
               [&](const std::string& field, const std::string& text) {
                 if (field == "FamilyName") family = std::string(Trim(text));
                 if (field == "Status") status = ToLower(Trim(text));
               });
    if (family.empty()) return;
    if (status == "enabled") policy.enabled_families.push_back(family);
    if (status == "disabled") policy.disabled_families.push_back(family);
    // Nessus writes "mixed"; some tools and older versions "partial".
    if (status == "mixed" || status == "partial") policy.mixed_families.push_back(family);
  });
}

void ReadIndividualSelection(xml::XmlReader& xml, NessusPolicy& policy) {
  if (!policy.individual_plugins) policy.individual_plugins.emplace();
  xml.ForEachChild([&](std::string_view child) {
    if (child != "PluginItem") return;
    core::PluginSelectionItem item;
    std::string status;
    ReadFields(xml, {"PluginId", "Family", "Status"},
               [&](const std::string& field, const std::string& text) {
                 if (field == "PluginId") item.plugin_id = std::string(Trim(text));
                 if (field == "Family") item.family = std::string(Trim(text));
                 if (field == "Status") status = ToLower(Trim(text));
               });
    // An item of another status says nothing either way; without an ID it names nothing.
    if (item.plugin_id.empty() || (status != "enabled" && status != "disabled")) return;
    item.enabled = status == "enabled";
    policy.individual_plugins->push_back(std::move(item));
  });
}

}  // namespace

core::ScanCoverage NessusPolicy::TakeCoverage(
    const std::optional<std::string>& port_range_fallback) && {
  core::ScanCoverage coverage;
  // Only plugin_set is a complete list. The individual selection names plugins of mixed
  // families only: read alone it would make every plugin of an enabled family look disabled.
  coverage.enabled_plugin_ids = std::move(plugin_set);
  coverage.enabled_families = std::move(enabled_families);
  coverage.disabled_families = std::move(disabled_families);
  coverage.mixed_families = std::move(mixed_families);
  SortUnique(coverage.enabled_families);
  SortUnique(coverage.disabled_families);
  SortUnique(coverage.mixed_families);
  coverage.individual_plugins = std::move(individual_plugins);
  coverage.port_range = port_range ? port_range : port_range_fallback;
  return coverage;
}

NessusPolicy ReadNessusPolicy(xml::XmlReader& xml) {
  NessusPolicy policy;
  xml.ForEachChild([&](std::string_view child) {
    if (child == "policyName") {
      policy.name = std::string(Trim(xml.ReadText()));
    } else if (child == "Preferences") {
      xml.ForEachChild([&](std::string_view section) {
        if (section != "ServerPreferences") return;
        xml.ForEachChild([&](std::string_view item) {
          if (item == "preference") ReadServerPreference(xml, policy);
        });
      });
    } else if (child == "FamilySelection") {
      ReadFamilySelection(xml, policy);
    } else if (child == "IndividualPluginSelection") {
      ReadIndividualSelection(xml, policy);
    }
  });
  return policy;
}

}  // namespace ttmtrack::importer::nessus
