# `cmake --install` layout, so that other projects can use fdfkit through find_package(fdfkit):
#   include/                      the runtime's public headers (lib/fdf, lib/fidl, zircon, ...)
#   lib/                          libfdf, libfdf_fidl and the zircon/async layers (static)
#   bin/fdf-idl                   the IDL compiler and bindings generator
#   lib/cmake/fdfkit/             fdfkitConfig.cmake, the exported targets (fdfkit::fdf,
#                                 fdfkit::fdf_fidl, fdfkit::fdf-idl, ...) and FdfkitFidl.cmake
include_guard(GLOBAL)
include(CMakePackageConfigHelpers)
include(GNUInstallDirs)

set(fdfkit_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/fdfkit)

install(TARGETS fdf_zircon fdf_async fdf fdf_fidl EXPORT fdfkitTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/runtime/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET fdf-idl)
  install(TARGETS fdf-idl EXPORT fdfkitTargets RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

install(EXPORT fdfkitTargets NAMESPACE fdfkit:: DESTINATION ${fdfkit_cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/fdfkitConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/fdfkitConfig.cmake
                              INSTALL_DESTINATION ${fdfkit_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/fdfkitConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/fdfkitConfig.cmake ${PROJECT_BINARY_DIR}/fdfkitConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/FdfkitFidl.cmake
        DESTINATION ${fdfkit_cmake_dir})
