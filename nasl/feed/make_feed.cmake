# Builds the two feed artefacts of the ttm_cmd plugins (cmake -P; run by the ttm_feed target):
#   OUT_DIR/openvas/plugin_feed_info.inc, private/<each .nasl>, sha256sums
#   OUT_DIR/nessus/ttm_cmd_detect-custom-plugins.tar.gz (the .nasl files + custom_feed_info.inc)
#   OUT_DIR/ttm-feed-install (the install script, next to what it installs)
# Inputs: PLUGINS (the .nasl files, ';'-separated), FEED_SRC (this folder), OUT_DIR.
# PLUGIN_SET is the build time in UTC (YYYYMMDDhhmm): scanners reload plugins when it grows.
# SOURCE_DATE_EPOCH, when set, pins it for reproducible packages.
foreach(var PLUGINS FEED_SRC OUT_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "make_feed.cmake: -D${var}=... is required")
  endif()
endforeach()

string(TIMESTAMP PLUGIN_SET "%Y%m%d%H%M" UTC)
set(plugin_files "")
foreach(plugin IN LISTS PLUGINS)
  get_filename_component(name "${plugin}" NAME)
  list(APPEND plugin_files "${name}")
endforeach()

# OpenVAS: a plugins folder with the plugin under private/ (the feed sync's private directory).
set(ov "${OUT_DIR}/openvas")
file(REMOVE_RECURSE "${ov}")
file(MAKE_DIRECTORY "${ov}/private")
file(COPY ${PLUGINS} DESTINATION "${ov}/private")
configure_file("${FEED_SRC}/plugin_feed_info.inc.in" "${ov}/plugin_feed_info.inc" @ONLY)
# sha256sum(1) format, two spaces between hash and path; every .nasl/.inc the scanner loads.
set(sums "")
set(loaded plugin_feed_info.inc)
foreach(name IN LISTS plugin_files)
  list(APPEND loaded "private/${name}")
endforeach()
foreach(rel IN LISTS loaded)
  file(SHA256 "${ov}/${rel}" hash)
  string(APPEND sums "${hash}  ${rel}\n")
endforeach()
file(WRITE "${ov}/sha256sums" "${sums}")

# Nessus / Tenable Security Center: a custom plugin archive, files at the archive root.
set(ns "${OUT_DIR}/nessus")
file(REMOVE_RECURSE "${ns}")
file(MAKE_DIRECTORY "${ns}/stage")
file(COPY ${PLUGINS} DESTINATION "${ns}/stage")
configure_file("${FEED_SRC}/custom_feed_info.inc.in" "${ns}/stage/custom_feed_info.inc" @ONLY)
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E tar czf "${ns}/ttm_cmd_detect-custom-plugins.tar.gz"
          --format=gnutar -- ${plugin_files} custom_feed_info.inc
  WORKING_DIRECTORY "${ns}/stage"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "make_feed.cmake: tar failed (${rc})")
endif()
foreach(name IN LISTS plugin_files)
  file(COPY "${ns}/stage/${name}" DESTINATION "${ns}")
endforeach()
file(COPY "${ns}/stage/custom_feed_info.inc" DESTINATION "${ns}")
file(REMOVE_RECURSE "${ns}/stage")

file(COPY "${FEED_SRC}/ttm-feed-install.sh" DESTINATION "${OUT_DIR}"
     FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                      WORLD_READ WORLD_EXECUTE)
file(RENAME "${OUT_DIR}/ttm-feed-install.sh" "${OUT_DIR}/ttm-feed-install")
file(WRITE "${OUT_DIR}/PLUGIN_SET" "${PLUGIN_SET}\n")
message(STATUS "ttm_feed: PLUGIN_SET ${PLUGIN_SET} in ${OUT_DIR}")
