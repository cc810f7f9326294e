# fdfkit_banjo_shims(NAME <clone library> MAPPING <clone>.mapping.json
#                    BANJO <banjo library> BANJO_SOURCES <file>...
#                    [INCLUDE_DIRS <dir>...])
#
# Runs `fdf-idl gen --bindings=shims` at build time and defines <NAME>_banjo_shims, an INTERFACE
# library with <fidl/<NAME>/cpp/banjo_shims.h> (namespace fdfkit::shims::<banjo library>). It
# links the banjo library's C++ bindings (<BANJO>_banjo_cpp, from fdfkit_fidl_library(... BINDINGS
# banjo)) and the clone's driver bindings (<NAME>_cpp_driver, from fdfkit_fidl_library(NAME
# <NAME> SOURCES <clone> BINDINGS driver); with `channel` too for a Zircon-channel clone, whose
# shims include <fidl/<NAME>/cpp/wire.h>); define both first. INCLUDE_DIRS: where fdf-idl finds
# either library's imports.
include_guard(GLOBAL)

function(fdfkit_banjo_shims)
  cmake_parse_arguments(ARG "" "NAME;MAPPING;BANJO" "BANJO_SOURCES;INCLUDE_DIRS" ${ARGN})
  if(NOT ARG_NAME OR NOT ARG_MAPPING OR NOT ARG_BANJO OR NOT ARG_BANJO_SOURCES)
    message(FATAL_ERROR "fdfkit_banjo_shims needs NAME, MAPPING, BANJO and BANJO_SOURCES")
  endif()
  get_property(clone_sources GLOBAL PROPERTY FDFKIT_FIDL_SOURCES_${ARG_NAME})
  get_property(clone_dirs GLOBAL PROPERTY FDFKIT_FIDL_SOURCE_DIRS_${ARG_NAME})
  if(NOT clone_sources)
    message(FATAL_ERROR "fdfkit_banjo_shims(${ARG_NAME}): define the clone with "
                        "fdfkit_fidl_library(NAME ${ARG_NAME} ... BINDINGS driver) first")
  endif()
  set(search)
  foreach(dir IN LISTS clone_dirs ARG_INCLUDE_DIRS)
    list(APPEND search -I ${dir})
  endforeach()
  set(banjo)
  foreach(source IN LISTS ARG_BANJO_SOURCES)
    get_filename_component(absolute ${source} ABSOLUTE)
    list(APPEND banjo --banjo ${absolute})
  endforeach()
  get_filename_component(mapping ${ARG_MAPPING} ABSOLUTE)
  # The clone's own files are the inputs (its dependencies' sources, which may sit beside them,
  # are found through -I).
  set(inputs)
  foreach(source IN LISTS clone_sources)
    file(STRINGS ${source} declared REGEX "^library ${ARG_NAME};" LIMIT_COUNT 1)
    if(declared)
      list(APPEND inputs ${source})
    endif()
  endforeach()
  set(out ${CMAKE_CURRENT_BINARY_DIR}/shims_gen/${ARG_NAME})
  set(header ${out}/fidl/${ARG_NAME}/cpp/banjo_shims.h)
  add_custom_command(
    OUTPUT ${header}
    COMMAND $<TARGET_FILE:fdf-idl> gen --bindings=shims --mapping ${mapping} ${banjo}
            -o ${out} ${search} ${inputs}
    DEPENDS fdf-idl ${mapping} ${ARG_BANJO_SOURCES} ${clone_sources}
    COMMENT "fdf-idl gen ${ARG_NAME} (shims)"
    VERBATIM)
  add_custom_target(${ARG_NAME}_banjo_shims_gen DEPENDS ${header})
  add_library(${ARG_NAME}_banjo_shims INTERFACE)
  add_dependencies(${ARG_NAME}_banjo_shims ${ARG_NAME}_banjo_shims_gen)
  target_include_directories(${ARG_NAME}_banjo_shims INTERFACE ${out})
  target_link_libraries(${ARG_NAME}_banjo_shims INTERFACE ${ARG_BANJO}_banjo_cpp
                        ${ARG_NAME}_cpp_driver fdfkit_shims_support fdfkit_driver_component)
endfunction()

# The banjo bindings of a corpus library and, first, of the corpus libraries it imports.
function(_fdfkit_corpus_banjo lib)
  set(corpus ${PROJECT_SOURCE_DIR}/corpus/protocols)
  file(GLOB sources ${corpus}/${lib}/*.fidl ${corpus}/${lib}/*.banjo)
  set(deps)
  foreach(source IN LISTS sources)
    file(STRINGS ${source} imports REGEX "^using [a-z0-9_.]+;")
    foreach(line IN LISTS imports)
      string(REGEX REPLACE "^using ([a-z0-9_.]+);.*" "\\1" dep "${line}")
      if(IS_DIRECTORY ${corpus}/${dep})
        _fdfkit_corpus_banjo(${dep})
        list(APPEND deps ${dep})
      endif()
    endforeach()
  endforeach()
  if(NOT TARGET ${lib}_banjo_cpp)
    fdfkit_fidl_library(NAME ${lib} SOURCES ${sources} DEPS ${deps} BINDINGS banjo)
  endif()
endfunction()

# The driver-transport clone of a corpus library (the reviewed golden in
# tests/migrate/protocol/golden) and, first, the clones it imports.
function(_fdfkit_corpus_clone lib)
  set(golden ${PROJECT_SOURCE_DIR}/tests/migrate/protocol/golden)
  file(STRINGS ${golden}/${lib}.fidl imports REGEX "^using [a-z0-9_.]+;")
  set(deps)
  foreach(line IN LISTS imports)
    string(REGEX REPLACE "^using ([a-z0-9_.]+);.*" "\\1" dep "${line}")
    if(EXISTS ${golden}/${dep}.fidl)
      _fdfkit_corpus_clone(${dep})
      list(APPEND deps ${dep})
    endif()
  endforeach()
  if(NOT TARGET ${lib}_cpp_driver)
    # A protocol planned on Zircon channels (fuchsia.hardware.gpio) needs the channel bindings:
    # its shims make and serve channel calls.
    set(bindings driver)
    if(EXISTS ${golden}/${lib}.mapping.json)
      file(STRINGS ${golden}/${lib}.mapping.json on_channel REGEX "\"transport\": \"channel\""
           LIMIT_COUNT 1)
      if(on_channel)
        set(bindings channel driver)
      endif()
    endif()
    fdfkit_fidl_library(NAME ${lib} SOURCES ${golden}/${lib}.fidl DEPS ${deps}
                        BINDINGS ${bindings})
  endif()
endfunction()

# fdfkit_corpus_shims(<library>...): for corpus libraries (corpus/protocols/<library>), the banjo
# bindings (with those of the corpus libraries they import), the driver-transport clone (the
# hand-reviewed golden in tests/migrate/protocol/golden) and its shims, each unless an earlier
# folder defined it (the names are global).
function(fdfkit_corpus_shims)
  set(corpus ${PROJECT_SOURCE_DIR}/corpus/protocols)
  set(golden ${PROJECT_SOURCE_DIR}/tests/migrate/protocol/golden)
  foreach(lib IN LISTS ARGN)
    file(GLOB banjo_sources ${corpus}/${lib}/*.fidl ${corpus}/${lib}/*.banjo)
    _fdfkit_corpus_banjo(${lib})
    _fdfkit_corpus_clone(${lib})
    if(NOT TARGET ${lib}_banjo_shims)
      fdfkit_banjo_shims(NAME ${lib} MAPPING ${golden}/${lib}.mapping.json BANJO ${lib}
                         BANJO_SOURCES ${banjo_sources} INCLUDE_DIRS ${corpus})
    endif()
  endforeach()
endfunction()
