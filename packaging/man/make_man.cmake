# Writes one gzipped man page from a program's --help with help2man (cmake -P; run by the
# ttmtrack_man target). Inputs: HELP2MAN, GZIP, PROGRAM (the executable), NAME (the page's
# name: "ttmtrack", "ttmtrack-run", "ttm-fake-server"), SUBCOMMAND (empty for the program
# itself), SUMMARY (the NAME line), VERSION, INCLUDE (a help2man include file, optional), OUT
# (NAME.1.gz). SOURCE_DATE_EPOCH, when set, pins the page's date (help2man honours it).
foreach(var HELP2MAN GZIP PROGRAM NAME SUMMARY VERSION OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "make_man.cmake: -D${var}=... is required")
  endif()
endforeach()

set(help_option "--help")
if(SUBCOMMAND)
  set(help_option "${SUBCOMMAND} --help")
endif()
set(args --no-info --no-discard-stderr "--version-string=${VERSION}" "--name=${SUMMARY}"
         "--help-option=${help_option}" "--section=1")
if(INCLUDE)
  list(APPEND args "--include=${INCLUDE}")
endif()
# ttmtrack wraps its help to $COLUMNS (else the terminal, else 80): fix it so that every build
# writes the same pages.
set(ENV{COLUMNS} 80)
execute_process(
  COMMAND "${HELP2MAN}" ${args} "${PROGRAM}"
  OUTPUT_VARIABLE page
  RESULT_VARIABLE rc
  ERROR_VARIABLE errors)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed for ${NAME} (${rc}): ${errors}")
endif()

# help2man names the page after the executable; a subcommand's page is "ttmtrack-run".
get_filename_component(program_name "${PROGRAM}" NAME)
string(TOUPPER "${program_name}" program_upper)
string(TOUPPER "${NAME}" name_upper)
string(REPLACE ".TH ${program_upper} " ".TH ${name_upper} " page "${page}")
string(REPLACE "-" "\\-" name_escaped "${NAME}")
string(REPLACE "-" "\\-" program_escaped "${program_name}")
string(REPLACE ".SH NAME\n${program_escaped} \\- " ".SH NAME\n${name_escaped} \\- " page
       "${page}")
if(SUBCOMMAND)
  # The synopsis help2man copies from "Usage: ttmtrack run [OPTIONS]" stays as it is: that is
  # how the command is typed.
  string(APPEND page ".SH \"SEE ALSO\"\n\\fBttmtrack\\fR(1)\n")
endif()

get_filename_component(out_dir "${OUT}" DIRECTORY)
file(MAKE_DIRECTORY "${out_dir}")
string(REGEX REPLACE "\\.gz$" "" plain "${OUT}")
file(WRITE "${plain}" "${page}")
execute_process(COMMAND "${GZIP}" -9 -n -f "${plain}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip failed for ${plain}")
endif()
