#include "migrate/idl/builtin_libraries.h"

#include <cctype>

#include "migrate/idl/flat_ast.h"

namespace fdfkit::idl {
namespace {

// Object types and rights carry Zircon's numeric values (wire metadata depends on them). Every
// object type Zircon defines; the older names banjo used (MSI_ALLOCATION, MSI_INTERRUPT,
// DEBUGLOG) are read as aliases by the resolver (LegacyHandleSubtype).
constexpr std::string_view kZxSource = R"FIDL(
library zx;

type ObjType = strict enum : uint32 {
    NONE = 0; PROCESS = 1; THREAD = 2; VMO = 3; CHANNEL = 4; EVENT = 5; PORT = 6;
    INTERRUPT = 9; PCI_DEVICE = 11; LOG = 12; SOCKET = 14; RESOURCE = 15; EVENTPAIR = 16;
    JOB = 17; VMAR = 18; FIFO = 19; GUEST = 20; VCPU = 21; TIMER = 22; IOMMU = 23; BTI = 24;
    PROFILE = 25; PMT = 26; SUSPEND_TOKEN = 27; PAGER = 28; EXCEPTION = 29; CLOCK = 30;
    STREAM = 31; MSI = 32; IOB = 33; COUNTER = 34;
};

type Rights = strict bits : uint32 {
    DUPLICATE = 0x1; TRANSFER = 0x2; READ = 0x4; WRITE = 0x8; EXECUTE = 0x10; MAP = 0x20;
    GET_PROPERTY = 0x40; SET_PROPERTY = 0x80; ENUMERATE = 0x100; DESTROY = 0x200;
    SET_POLICY = 0x400; GET_POLICY = 0x800; SIGNAL = 0x1000; SIGNAL_PEER = 0x2000; WAIT = 0x4000;
    INSPECT = 0x8000; MANAGE_JOB = 0x10000; MANAGE_PROCESS = 0x20000; MANAGE_THREAD = 0x40000;
    APPLY_PROFILE = 0x80000; MANAGE_SOCKET = 0x100000; OP_CHILDREN = 0x200000; RESIZE = 0x400000;
    SAME_RIGHTS = 0x80000000;
};

const RIGHTS_BASIC Rights = Rights.TRANSFER | Rights.DUPLICATE | Rights.WAIT | Rights.INSPECT;
const RIGHTS_IO Rights = Rights.READ | Rights.WRITE;
const CHANNEL_MAX_MSG_BYTES uint64 = 65536;
const CHANNEL_MAX_MSG_HANDLES uint64 = 64;
const MAX_NAME_LEN uint64 = 32;

alias Status = int32;
alias Time = int64;
alias Duration = int64;
alias Ticks = int64;
alias Koid = uint64;
alias Off = uint64;
alias Signals = uint32;
alias Paddr = uint64;
alias Paddr32 = uint32;
alias Gpaddr = uint64;
alias Vaddr = uint64;
alias VmOption = uint32;

resource_definition Handle : uint32 {
    properties {
        subtype ObjType;
        rights Rights;
    };
};
)FIDL";

constexpr std::string_view kFidlSource = R"FIDL(
library fidl;

type FrameworkErr = strict enum : int32 {
    UNKNOWN_METHOD = -2;
};
)FIDL";

constexpr BuiltinLibrary kBuiltins[] = {{"zx", kZxSource}, {"fidl", kFidlSource}};

}  // namespace

const BuiltinLibrary* FindBuiltinLibrary(std::string_view library) {
  for (const auto& builtin : kBuiltins) {
    if (builtin.name == library) return &builtin;
  }
  return nullptr;
}

std::string_view LegacyHandleSubtype(std::string_view subtype) {
  if (subtype == "MSI_ALLOCATION" || subtype == "MSI_INTERRUPT") return "MSI";
  if (subtype == "DEBUGLOG") return "LOG";
  return subtype;
}

std::string ZxCanonicalSpelling(std::string_view name) {
  if (name.empty() || !std::islower(static_cast<unsigned char>(name[0]))) return "";
  return flat::UpperCamel(name);
}

}  // namespace fdfkit::idl
