# fdfkit_driver(NAME <name> SOURCES <file>... MANIFEST <name>.cml BIND <rules>.bind
#               [BIND_LIBRARIES <lib>.bind...] [DEPS <target>...] [OUTPUT_DIR <dir>])
#
# A driver package, laid out as its manifest expects (paths relative to the manifest):
#   <dir>/<name>/<name>.cml                 the manifest
#   <dir>/<name>/driver/<name>.so           the driver (a shared object the host dlopens)
#   <dir>/<name>/meta/bind/<name>.bindbc    its bind rules, compiled by fdf-bindc
# <dir> defaults to ${CMAKE_BINARY_DIR}/drivers. The target <name> builds all three.
#
# fdfkit_board(SOURCE <board>.json [OUTPUT_DIR <dir>]): copies a board file beside the packages,
# so its relative manifest paths resolve.
include_guard(GLOBAL)

function(fdfkit_driver)
  cmake_parse_arguments(ARG "" "NAME;MANIFEST;BIND;OUTPUT_DIR" "SOURCES;BIND_LIBRARIES;DEPS" ${ARGN})
  if(NOT ARG_NAME OR NOT ARG_SOURCES OR NOT ARG_MANIFEST OR NOT ARG_BIND)
    message(FATAL_ERROR "fdfkit_driver needs NAME, SOURCES, MANIFEST and BIND")
  endif()
  if(NOT ARG_OUTPUT_DIR)
    set(ARG_OUTPUT_DIR ${CMAKE_BINARY_DIR}/drivers)
  endif()
  set(package ${ARG_OUTPUT_DIR}/${ARG_NAME})
  add_library(${ARG_NAME}_driver MODULE ${ARG_SOURCES})
  set_target_properties(${ARG_NAME}_driver PROPERTIES
    OUTPUT_NAME ${ARG_NAME} PREFIX "" LIBRARY_OUTPUT_DIRECTORY ${package}/driver)
  target_link_libraries(${ARG_NAME}_driver PRIVATE fdfkit_driver_component ${ARG_DEPS})
  target_compile_options(${ARG_NAME}_driver PRIVATE ${fdfkit_warnings})

  get_filename_component(rules ${ARG_BIND} ABSOLUTE)
  set(includes)
  set(library_files)
  foreach(library IN LISTS ARG_BIND_LIBRARIES)
    get_filename_component(absolute ${library} ABSOLUTE)
    list(APPEND includes --include ${absolute})
    list(APPEND library_files ${absolute})
  endforeach()
  set(bindbc ${package}/meta/bind/${ARG_NAME}.bindbc)
  add_custom_command(
    OUTPUT ${bindbc}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${package}/meta/bind
    COMMAND $<TARGET_FILE:fdf-bindc> compile ${includes} -o ${bindbc} ${rules}
    DEPENDS fdf-bindc ${rules} ${library_files}
    COMMENT "fdf-bindc ${ARG_NAME}"
    VERBATIM)
  configure_file(${ARG_MANIFEST} ${package}/${ARG_NAME}.cml COPYONLY)
  add_custom_target(${ARG_NAME} ALL DEPENDS ${bindbc} ${ARG_NAME}_driver)
endfunction()

function(fdfkit_board)
  cmake_parse_arguments(ARG "" "SOURCE;OUTPUT_DIR" "" ${ARGN})
  if(NOT ARG_OUTPUT_DIR)
    set(ARG_OUTPUT_DIR ${CMAKE_BINARY_DIR}/drivers)
  endif()
  get_filename_component(name ${ARG_SOURCE} NAME)
  configure_file(${ARG_SOURCE} ${ARG_OUTPUT_DIR}/${name} COPYONLY)
endfunction()
