# fdfkit_fidl_library(NAME <library> SOURCES <file>... [DEPS <library>...]
#                     [BINDINGS wire channel driver])
#
# Runs `fdf-idl gen` at build time and defines, as Fuchsia's build does:
#   <library>_cpp_wire    wire domain objects + channel transport  <fidl/<library>/cpp/wire.h>
#   <library>_cpp_driver  driver transport                          <fidl/<library>/cpp/driver/wire.h>
# DEPS names other fdfkit_fidl_library libraries this one imports.
include_guard(GLOBAL)

function(fdfkit_fidl_library)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;DEPS;BINDINGS" ${ARGN})
  if(NOT ARG_NAME OR NOT ARG_SOURCES)
    message(FATAL_ERROR "fdfkit_fidl_library needs NAME and SOURCES")
  endif()
  if(NOT ARG_BINDINGS)
    set(ARG_BINDINGS wire channel driver)
  endif()
  # Inside fdfkit's tree (or a project that add_subdirectory()'d it) the targets are local;
  # after find_package(fdfkit) they are the imported fdfkit:: ones.
  if(TARGET fdf-idl)
    set(idl $<TARGET_FILE:fdf-idl>)
    set(idl_dep fdf-idl)
    set(runtime fdf_fidl)
  elseif(TARGET fdfkit::fdf-idl)
    set(idl $<TARGET_FILE:fdfkit::fdf-idl>)
    set(idl_dep ${idl})
    set(runtime fdfkit::fdf_fidl)
  else()
    message(FATAL_ERROR "fdfkit_fidl_library: no fdf-idl (build fdfkit with FDFKIT_BUILD_MIGRATE=ON)")
  endif()

  set(out ${CMAKE_CURRENT_BINARY_DIR}/fidl_gen/${ARG_NAME})
  set(base ${out}/fidl/${ARG_NAME}/cpp)
  set(outputs ${base}/wire.h)
  list(FIND ARG_BINDINGS wire has_wire)
  list(FIND ARG_BINDINGS channel has_channel)
  list(FIND ARG_BINDINGS driver has_driver)
  if(has_wire EQUAL -1)
    list(APPEND ARG_BINDINGS wire)  # both transports need the domain objects
  endif()
  list(APPEND outputs ${base}/wire_types.h ${base}/wire_types.cc)
  if(NOT has_channel EQUAL -1)
    list(APPEND outputs ${base}/wire_messaging.h)
  endif()
  if(NOT has_driver EQUAL -1)
    list(APPEND outputs ${base}/driver/wire.h)
  endif()

  set(sources)
  set(search)
  foreach(source IN LISTS ARG_SOURCES)
    get_filename_component(absolute ${source} ABSOLUTE)
    get_filename_component(dir ${absolute} DIRECTORY)
    list(APPEND sources ${absolute})
    list(APPEND search -I ${dir})
  endforeach()
  foreach(dep IN LISTS ARG_DEPS)
    get_target_property(dep_dirs ${dep}_cpp_wire FDFKIT_FIDL_SOURCE_DIRS)
    foreach(dir IN LISTS dep_dirs)
      list(APPEND search -I ${dir})
    endforeach()
  endforeach()
  list(REMOVE_DUPLICATES search)
  string(REPLACE ";" "," bindings "${ARG_BINDINGS}")

  add_custom_command(
    OUTPUT ${outputs}
    COMMAND ${idl} gen --bindings=${bindings} -o ${out} ${search} ${sources}
    DEPENDS ${idl_dep} ${sources}
    COMMENT "fdf-idl gen ${ARG_NAME} (${bindings})"
    VERBATIM)

  add_library(${ARG_NAME}_cpp_wire STATIC ${base}/wire_types.cc ${outputs})
  target_include_directories(${ARG_NAME}_cpp_wire PUBLIC ${out})
  target_link_libraries(${ARG_NAME}_cpp_wire PUBLIC ${runtime})
  foreach(dep IN LISTS ARG_DEPS)
    target_link_libraries(${ARG_NAME}_cpp_wire PUBLIC ${dep}_cpp_wire)
  endforeach()
  set(dirs)
  foreach(source IN LISTS sources)
    get_filename_component(dir ${source} DIRECTORY)
    list(APPEND dirs ${dir})
  endforeach()
  set_target_properties(${ARG_NAME}_cpp_wire PROPERTIES FDFKIT_FIDL_SOURCE_DIRS "${dirs}")

  add_library(${ARG_NAME}_cpp_driver INTERFACE)
  target_link_libraries(${ARG_NAME}_cpp_driver INTERFACE ${ARG_NAME}_cpp_wire)
endfunction()
