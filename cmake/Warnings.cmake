# One place for the warning set every target links (STYLE.md §7).
add_library(ttmtrack_warnings INTERFACE)
target_compile_options(ttmtrack_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Woverloaded-virtual -Wold-style-cast
  # GCC 12 warns on C++20 designated initializers that leave members to their defaults
  # (ErrorContext{.file = f}), which is the point of default member initializers.
  -Wno-missing-field-initializers)
