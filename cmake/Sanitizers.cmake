# TTMTRACK_SANITIZERS is a comma list (address,undefined); applied to every target in the tree.
if(TTMTRACK_SANITIZERS)
  string(REPLACE "," ";" _ttm_sanitizers "${TTMTRACK_SANITIZERS}")
  list(JOIN _ttm_sanitizers "," _ttm_sanitize_arg)
  add_compile_options(-fsanitize=${_ttm_sanitize_arg} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${_ttm_sanitize_arg})
endif()
