# One place for the warning set every target links (STYLE.md §7).
add_library(ttmtrack_warnings INTERFACE)
target_compile_options(ttmtrack_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Woverloaded-virtual -Wold-style-cast
  # GCC 12 warns on C++20 designated initializers that leave members to their defaults
  # (ErrorContext{.file = f}), which is the point of default member initializers.
  -Wno-missing-field-initializers)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # GCC 12 reports -Wrestrict inside libstdc++'s own string code at -O3 for plain
  # `"literal" + std::string` (GCC bug 105651, fixed in 13): a false positive in code we do not
  # own, which would otherwise greet every Release build.
  target_compile_options(ttmtrack_warnings INTERFACE -Wno-restrict)
endif()
