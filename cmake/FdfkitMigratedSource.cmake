# fdfkit_migrated_source(OUTPUT <file> SOURCE <file> MODE replace|dual MAPPINGS <json>...
#                        [INPUT <file>] [PATCH <diff>] [ACCEPT <FDFDRVnnn>...])
#
# <file>, at build time: SOURCE rewritten by migrate-driver in MODE (cmake/migrate_source.cmake),
# for a target to compile — so a migrated driver is built, and booted, from what the tool wrote.
# SOURCE must be compiled by some target of the build (its command is the copy's). INPUT, when
# given, is what is rewritten instead (an earlier step's output), after PATCH (a unified diff: the
# driver author's own edit between two steps) is applied to it. Anything left for a human fails
# the build, but for the ACCEPTed diagnostics (what the caller does by hand).
include_guard(GLOBAL)

function(fdfkit_migrated_source)
  cmake_parse_arguments(ARG "" "OUTPUT;SOURCE;MODE;INPUT;PATCH" "MAPPINGS;ACCEPT" ${ARGN})
  get_filename_component(source ${ARG_SOURCE} ABSOLUTE)
  set(input ${source})
  if(ARG_INPUT)
    get_filename_component(input ${ARG_INPUT} ABSOLUTE)
  endif()
  set(patch "")
  if(ARG_PATCH)
    get_filename_component(patch ${ARG_PATCH} ABSOLUTE)
  endif()
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:migrate-driver> -DSOURCE=${source}
            -DINPUT=${input} -DPATCH=${patch} -DDATABASE=${CMAKE_BINARY_DIR}/compile_commands.json -DCOPY=${ARG_OUTPUT}
            -DMODE=${ARG_MODE} "-DMAPPINGS=${ARG_MAPPINGS}" "-DACCEPT=${ARG_ACCEPT}"
            -P ${PROJECT_SOURCE_DIR}/cmake/migrate_source.cmake
    DEPENDS migrate-driver ${source} ${input} ${patch} ${ARG_MAPPINGS} ${PROJECT_SOURCE_DIR}/cmake/migrate_source.cmake
    COMMENT "migrate-driver --mode=${ARG_MODE} ${ARG_SOURCE}"
    VERBATIM)
endfunction()
