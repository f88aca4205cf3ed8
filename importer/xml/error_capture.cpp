#include "importer/xml/error_capture.hpp"

#include <libxml/globals.h>
#include <libxml/xmlerror.h>

namespace ttmtrack::importer::xml {
namespace {

// libxml2 2.9.14's signature (xmlErrorPtr, not const: const arrived in 2.12).
void OnError(void* user_data, xmlErrorPtr error) {
  RecordError(*static_cast<CapturedError*>(user_data), error);
}

void XMLCDECL Silent(void* /*context*/, const char* /*message*/, ...) {}

}  // namespace

void RecordError(CapturedError& target, const _xmlError* error) {
  if (error == nullptr || target.present) return;
  if (error->level < XML_ERR_ERROR || error->domain == XML_FROM_NAMESPACE) return;
  target.present = true;
  target.code = error->code;
  target.line = error->line;
  target.column = error->int2;  // libxml2 puts the column in int2
  target.message = error->message != nullptr ? error->message : "unknown XML error";
  while (!target.message.empty() &&
         (target.message.back() == '\n' || target.message.back() == ' ')) {
    target.message.pop_back();
  }
}

ScopedGlobalErrorCapture::ScopedGlobalErrorCapture(CapturedError* target)
    : saved_structured_context_(xmlStructuredErrorContext),
      saved_structured_handler_(reinterpret_cast<void*>(xmlStructuredError)),
      saved_generic_context_(xmlGenericErrorContext),
      saved_generic_handler_(reinterpret_cast<void*>(xmlGenericError)) {
  xmlSetStructuredErrorFunc(target, &OnError);
  xmlSetGenericErrorFunc(nullptr, &Silent);
}

ScopedGlobalErrorCapture::~ScopedGlobalErrorCapture() {
  xmlSetStructuredErrorFunc(saved_structured_context_,
                            reinterpret_cast<xmlStructuredErrorFunc>(saved_structured_handler_));
  xmlSetGenericErrorFunc(saved_generic_context_,
                         reinterpret_cast<xmlGenericErrorFunc>(saved_generic_handler_));
}

}  // namespace ttmtrack::importer::xml
