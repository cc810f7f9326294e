# cmake -P migrate_source.cmake: rewrites a copy of one driver source with migrate-driver, as a
# build step (fdfkit_migrated_source in FdfkitMigratedSource.cmake). Variables:
#   TOOL      migrate-driver
#   SOURCE    the original (absolute; listed in DATABASE)
#   INPUT     what is rewritten (absolute): SOURCE, or an earlier step's output
#   PATCH     a unified diff applied to INPUT's copy first (may be empty)
#   DATABASE  the build's compile_commands.json
#   COPY      where the rewritten copy goes
#   MODE      replace | dual
#   MAPPINGS  ;-separated mapping.json files
#   ACCEPT    ;-separated diagnostics (FDFDRVnnn) the caller handles by hand (may be empty)
# The copy gets a compile database of its own: the original's command, naming the copy. Anything
# else migrate-driver leaves for a human (exit 1) fails the build, with its messages.
cmake_policy(SET CMP0057 NEW)  # if(IN_LIST), in script mode too
get_filename_component(copy_dir ${COPY} DIRECTORY)
file(MAKE_DIRECTORY ${copy_dir})
file(READ ${DATABASE} database)
string(JSON count LENGTH ${database})
math(EXPR last "${count} - 1")
set(entry "")
foreach(i RANGE ${last})
  string(JSON file GET ${database} ${i} file)
  if(file STREQUAL SOURCE)
    string(JSON entry GET ${database} ${i})
    break()
  endif()
endforeach()
if(entry STREQUAL "")
  message(FATAL_ERROR "${SOURCE} is not in ${DATABASE}")
endif()
string(REPLACE "${SOURCE}" "${COPY}" entry "${entry}")
file(WRITE ${copy_dir}/compile_commands.json "[${entry}]\n")
configure_file(${INPUT} ${COPY} COPYONLY)
if(PATCH)
  # No fuzz: the patch lands where its author wrote it, or the build says the tool's output moved.
  execute_process(COMMAND patch --batch --forward --fuzz=0 --no-backup-if-mismatch --reject-file=-
                          ${COPY} ${PATCH}
                  RESULT_VARIABLE patched OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT patched EQUAL 0)
    file(REMOVE ${COPY})
    message(FATAL_ERROR "${PATCH} does not apply to ${INPUT}:\n${out}${err}")
  endif()
endif()
set(mapping_args)
foreach(mapping IN LISTS MAPPINGS)
  list(APPEND mapping_args --mapping ${mapping})
endforeach()
execute_process(COMMAND ${TOOL} -p ${copy_dir} ${mapping_args} --mode=${MODE} --fix ${COPY}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(unaccepted "")
if(status EQUAL 1)
  string(REGEX MATCHALL "warning: \\[FDFDRV[0-9]+\\]" left "${err}")
  foreach(warning IN LISTS left)
    string(REGEX MATCH "FDFDRV[0-9]+" code "${warning}")
    if(NOT code IN_LIST ACCEPT)
      set(unaccepted "${code}")
    endif()
  endforeach()
  if(unaccepted STREQUAL "" AND left)
    set(status 0)
  endif()
endif()
if(NOT status EQUAL 0)
  file(REMOVE ${COPY})
  message(FATAL_ERROR "migrate-driver --mode=${MODE} ${SOURCE} exited ${status}:\n${err}${out}")
endif()
