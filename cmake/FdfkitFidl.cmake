# fdfkit_fidl_library(NAME <library> SOURCES <file>... [DEPS <library>...]
#                     [BINDINGS wire channel driver banjo])
#
# Runs `fdf-idl gen` at build time and defines, as Fuchsia's build does:
#   <library>_cpp_wire        wire types, channel transport  <fidl/<library>/cpp/wire.h>
#   <library>_cpp_driver      driver transport               <fidl/<library>/cpp/driver/wire.h>
# and with `banjo` among the BINDINGS (Fuchsia's `enable_banjo = true`), where <path> is the
# library name with `.` → `/`:
#   <library>_banjo_c         C types, ops tables, helpers   <<path>/c/banjo.h>
#   <library>_banjo_cpp       ddk:: mixins and clients       <<path>/cpp/banjo.h>
#   <library>_banjo_cpp_mock  ddk::Mock* classes             <<path>/cpp/banjo-mock.h>
# each an INTERFACE library with only its own headers on the include path. BINDINGS defaults to
# `wire channel driver`. `BINDINGS banjo` alone generates no wire bindings: a banjo library may
# use types they cannot represent (`usize`, `voidptr`).
# DEPS names other fdfkit_fidl_library libraries this one imports; their sources are found for
# the import, and each generated target links its counterpart of each dependency. A banjo library
# (BINDINGS with banjo) and its driver-transport clone may share a name: a banjo library's DEPS
# mean banjo definitions, any other's the wire ones.
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
    set(zircon fdf_zircon)
  elseif(TARGET fdfkit::fdf-idl)
    set(idl $<TARGET_FILE:fdfkit::fdf-idl>)
    set(idl_dep ${idl})
    set(runtime fdfkit::fdf_fidl)
    set(zircon fdfkit::fdf_zircon)
  else()
    message(FATAL_ERROR "fdfkit_fidl_library: no fdf-idl (build fdfkit with FDFKIT_BUILD_MIGRATE=ON)")
  endif()

  foreach(binding IN LISTS ARG_BINDINGS)
    if(NOT binding MATCHES "^(wire|channel|driver|banjo)$")
      message(FATAL_ERROR "fdfkit_fidl_library(${ARG_NAME}): unknown BINDINGS ${binding} "
                          "(wire, channel, driver, banjo)")
    endif()
  endforeach()
  list(FIND ARG_BINDINGS banjo has_banjo)
  set(cpp_bindings ${ARG_BINDINGS})
  list(REMOVE_ITEM cpp_bindings banjo)

  # Where fdf-idl finds this library's imports: the folders of its own sources and of every
  # library it depends on, directly or not.
  set(sources)
  set(dirs)
  foreach(source IN LISTS ARG_SOURCES)
    get_filename_component(absolute ${source} ABSOLUTE)
    get_filename_component(dir ${absolute} DIRECTORY)
    list(APPEND sources ${absolute})
    list(APPEND dirs ${dir})
  endforeach()
  set(all_sources ${sources})
  # A banjo library and its driver-transport clone share a name: each kind finds its own
  # dependencies (a library defined with both kinds of bindings serves either).
  set(kinds)
  if(NOT has_banjo EQUAL -1)
    list(APPEND kinds BANJO)
  endif()
  if(cpp_bindings)
    list(APPEND kinds FIDL)
  endif()
  list(GET kinds 0 kind)
  if(kind STREQUAL "BANJO")
    set(other FIDL)
  else()
    set(other BANJO)
  endif()
  foreach(dep IN LISTS ARG_DEPS)
    get_property(dep_dirs GLOBAL PROPERTY FDFKIT_${kind}_SOURCE_DIRS_${dep})
    get_property(dep_sources GLOBAL PROPERTY FDFKIT_${kind}_SOURCES_${dep})
    if(NOT dep_sources)
      get_property(dep_dirs GLOBAL PROPERTY FDFKIT_${other}_SOURCE_DIRS_${dep})
      get_property(dep_sources GLOBAL PROPERTY FDFKIT_${other}_SOURCES_${dep})
    endif()
    if(NOT dep_sources)
      message(FATAL_ERROR "fdfkit_fidl_library(${ARG_NAME}): DEPS ${dep} is not an "
                          "fdfkit_fidl_library defined before it (a banjo library's DEPS are "
                          "banjo libraries, a clone's are clones)")
    endif()
    list(APPEND dirs ${dep_dirs})
    list(APPEND all_sources ${dep_sources})
  endforeach()
  list(REMOVE_DUPLICATES dirs)
  list(REMOVE_DUPLICATES all_sources)
  foreach(defined IN LISTS kinds)
    set_property(GLOBAL PROPERTY FDFKIT_${defined}_SOURCE_DIRS_${ARG_NAME} "${dirs}")
    set_property(GLOBAL PROPERTY FDFKIT_${defined}_SOURCES_${ARG_NAME} "${all_sources}")
  endforeach()
  set(search)
  foreach(dir IN LISTS dirs)
    list(APPEND search -I ${dir})
  endforeach()

  if(cpp_bindings)
    _fdfkit_fidl_wire("${cpp_bindings}")
  endif()
  if(NOT has_banjo EQUAL -1)
    _fdfkit_fidl_banjo()
  endif()
endfunction()

# The C++ wire bindings (fdfkit_fidl_library's scope: ARG_*, idl, search, sources, all_sources).
macro(_fdfkit_fidl_wire bindings_list)
  set(wire_bindings ${bindings_list})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/fidl_gen/${ARG_NAME})
  set(base ${out}/fidl/${ARG_NAME}/cpp)
  set(outputs ${base}/wire.h)
  list(FIND wire_bindings wire has_wire)
  list(FIND wire_bindings channel has_channel)
  list(FIND wire_bindings driver has_driver)
  if(has_wire EQUAL -1)
    list(APPEND wire_bindings wire)  # both transports need the domain objects
  endif()
  list(APPEND outputs ${base}/wire_types.h ${base}/wire_types.cc)
  if(NOT has_channel EQUAL -1)
    list(APPEND outputs ${base}/wire_messaging.h)
  endif()
  if(NOT has_driver EQUAL -1)
    list(APPEND outputs ${base}/driver/wire.h)
  endif()
  string(REPLACE ";" "," wire_list "${wire_bindings}")

  add_custom_command(
    OUTPUT ${outputs}
    COMMAND ${idl} gen --bindings=${wire_list} -o ${out} ${search} ${sources}
    DEPENDS ${idl_dep} ${all_sources}
    COMMENT "fdf-idl gen ${ARG_NAME} (${wire_list})"
    VERBATIM)

  add_library(${ARG_NAME}_cpp_wire STATIC ${base}/wire_types.cc ${outputs})
  target_include_directories(${ARG_NAME}_cpp_wire PUBLIC ${out})
  target_link_libraries(${ARG_NAME}_cpp_wire PUBLIC ${runtime})
  foreach(dep IN LISTS ARG_DEPS)
    if(NOT TARGET ${dep}_cpp_wire)
      message(FATAL_ERROR "fdfkit_fidl_library(${ARG_NAME}): its dependency ${dep} has no wire "
                          "bindings (its BINDINGS lack wire, channel or driver)")
    endif()
    target_link_libraries(${ARG_NAME}_cpp_wire PUBLIC ${dep}_cpp_wire)
  endforeach()

  add_library(${ARG_NAME}_cpp_driver INTERFACE)
  target_link_libraries(${ARG_NAME}_cpp_driver INTERFACE ${ARG_NAME}_cpp_wire)
endmacro()

# The banjo bindings: one fdf-idl run per flavour, each into its own folder, so that a target
# puts only its own headers on the include path.
macro(_fdfkit_fidl_banjo)
  string(REPLACE "." "/" path ${ARG_NAME})
  set(banjo_out ${CMAKE_CURRENT_BINARY_DIR}/banjo_gen/${ARG_NAME})
  set(c_header ${banjo_out}/c/${path}/c/banjo.h)
  set(cpp_headers ${banjo_out}/cpp/${path}/cpp/banjo.h
                  ${banjo_out}/cpp/${path}/cpp/banjo-internal.h)
  set(mock_header ${banjo_out}/mock/${path}/cpp/banjo-mock.h)
  add_custom_command(
    OUTPUT ${c_header} ${cpp_headers} ${mock_header}
    COMMAND ${idl} gen --bindings=banjo-c -o ${banjo_out}/c ${search} ${sources}
    COMMAND ${idl} gen --bindings=banjo-cpp -o ${banjo_out}/cpp ${search} ${sources}
    COMMAND ${idl} gen --bindings=banjo-mock -o ${banjo_out}/mock ${search} ${sources}
    DEPENDS ${idl_dep} ${all_sources}
    COMMENT "fdf-idl gen ${ARG_NAME} (banjo-c,banjo-cpp,banjo-mock)"
    VERBATIM)
  # The generation belongs to one target; the INTERFACE libraries pass the dependency on to
  # whatever links them.
  add_custom_target(${ARG_NAME}_banjo_gen DEPENDS ${c_header} ${cpp_headers} ${mock_header})

  # C: zircon/compiler.h and zircon/types.h, headers only. A driver gets the runtime itself from
  # the driver library it links; a second, static copy of the zircon layer would be a second
  # handle table.
  add_library(${ARG_NAME}_banjo_c INTERFACE)
  add_dependencies(${ARG_NAME}_banjo_c ${ARG_NAME}_banjo_gen)
  target_include_directories(${ARG_NAME}_banjo_c INTERFACE ${banjo_out}/c
    $<TARGET_PROPERTY:${zircon},INTERFACE_INCLUDE_DIRECTORIES>)

  # C++: the DDK surface (lib/ddk, ddktl, lib/zx, and device_get_protocol behind the clients'
  # device constructors), which in fdfkit's tree is the driver library every driver links.
  if(TARGET fdfkit_driver_component)
    set(ddk fdfkit_driver_component)
  else()
    set(ddk ${zircon})
  endif()
  add_library(${ARG_NAME}_banjo_cpp INTERFACE)
  add_dependencies(${ARG_NAME}_banjo_cpp ${ARG_NAME}_banjo_gen)
  target_include_directories(${ARG_NAME}_banjo_cpp INTERFACE ${banjo_out}/cpp)
  target_link_libraries(${ARG_NAME}_banjo_cpp INTERFACE ${ARG_NAME}_banjo_c ${ddk})

  # Mocks: lib/mock-function is header-only, in the runtime's include folder.
  add_library(${ARG_NAME}_banjo_cpp_mock INTERFACE)
  add_dependencies(${ARG_NAME}_banjo_cpp_mock ${ARG_NAME}_banjo_gen)
  target_include_directories(${ARG_NAME}_banjo_cpp_mock INTERFACE ${banjo_out}/mock)
  target_link_libraries(${ARG_NAME}_banjo_cpp_mock INTERFACE ${ARG_NAME}_banjo_cpp)

  foreach(dep IN LISTS ARG_DEPS)
    foreach(flavour banjo_c banjo_cpp banjo_cpp_mock)
      if(NOT TARGET ${dep}_${flavour})
        message(FATAL_ERROR "fdfkit_fidl_library(${ARG_NAME}): its dependency ${dep} has no "
                            "banjo bindings (add banjo to its BINDINGS)")
      endif()
      target_link_libraries(${ARG_NAME}_${flavour} INTERFACE ${dep}_${flavour})
    endforeach()
  endforeach()
endmacro()
