// libfdfkit_driver_runtime.so: the driver runtime, the FIDL runtime and the framework's protocols,
// linked in whole from their static libraries (CMakeLists.txt). One copy per process, shared by a
// driver host and the drivers it loads, so they see one set of dispatchers, handles and tokens.
// This file only gives the library a source of its own.
namespace fdfkit::driver {
extern const char kDriverRuntimeName[] = "fdfkit_driver_runtime";
}  // namespace fdfkit::driver
