// The migrations Fuchsia made almost mechanically (banjo-and-fidl-reference.md §3.2 A ClockImpl,
// F Sdmmc, K the gizmo example): migrate-protocol's clone of the corpus library matches Fuchsia's
// own driver-transport version member for member: protocol names, openness, transport, method
// names, strictness, error syntax, request and response fields with their types, and the service.
// The expected FIDL is written out by hand from the reference. I2cImpl (§3.2 C), which Fuchsia
// redesigned, must at least return the data its Transact read.
#include <gtest/gtest.h>

#include <algorithm>

#include "migrate/protocol/fidl_spelling.h"
#include "migrate/protocol/migrate_protocol.h"
#include "tests/migrate/idl/idl_test_support.h"

namespace {

namespace fs = std::filesystem;
namespace flat = fdfkit::idl::flat;

std::string Fields(const std::optional<flat::Type>& payload, const flat::Library& library) {
  if (!payload) return "()";
  if (!payload->decl || payload->decl->kind != flat::Decl::Kind::kStruct) {
    return "(" + fdfkit::protocol::TypeSpelling(*payload, {library.name}) + ")";
  }
  std::string out = "(";
  for (const auto& m : static_cast<const flat::Struct&>(*payload->decl).members) {
    out += (out.size() > 1 ? ", " : "") + m.name + " " +
           fdfkit::protocol::TypeSpelling(m.type, {library.name});
  }
  return out + ")";
}

std::string AttributeValue(const flat::Decl& decl, const char* name) {
  const auto* a = decl.attrs.Find(name);
  return !a ? "none" : a->args.empty() ? "yes" : a->args[0].value.text;
}

// Everything the comparison covers, one line per protocol, method and service member.
std::string Shape(const flat::Library& library) {
  std::vector<std::string> lines;
  for (const auto& decl : library.decls) {
    if (decl->kind == flat::Decl::Kind::kProtocol) {
      const auto& p = static_cast<const flat::Protocol&>(*decl);
      lines.push_back("protocol " + p.name.name + ": " + flat::OpennessName(p.openness) +
                      ", transport " + AttributeValue(p, "transport"));
      for (const flat::Method& m : p.methods) {
        std::string line = "  " + p.name.name + "." + m.name + ": " +
                           (m.strict ? "strict " : "flexible ") + Fields(m.request, library);
        if (m.has_response) {
          line += " -> " + Fields(m.has_result_union() ? m.success : m.response, library);
        }
        if (m.error) line += " error " + fdfkit::protocol::TypeSpelling(*m.error, {library.name});
        lines.push_back(line);
      }
    }
    if (decl->kind == flat::Decl::Kind::kService) {
      for (const auto& m : static_cast<const flat::Service&>(*decl).members) {
        lines.push_back("service " + decl->name.name + "." + m.name + ": " +
                        fdfkit::protocol::TypeSpelling(m.type, {library.name}));
      }
    }
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

class FuchsiaReference : public ::testing::Test {
 protected:
  // The clone of a corpus library, compiled, with the default rules.
  std::string CloneShape(const std::string& library) {
    fs::path dir = fs::path(FDFKIT_SOURCE_DIR) / "corpus/protocols" / library;
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir)) files.push_back(entry.path().string());
    auto result = fdfkit::protocol::MigrateProtocols(
        files, {(fs::path(FDFKIT_SOURCE_DIR) / "corpus/protocols").string()},
        fdfkit::protocol::DefaultOptions());
    EXPECT_TRUE(result.ok) << result.errors;
    if (!result.ok) return "";
    clone_text_ = result.files[0].text;
    auto compiled = fdfkit::idl::testing::Compile({{result.files[0].name, clone_text_}});
    EXPECT_TRUE(compiled.ok) << compiled.errors();
    return Shape(compiled.library(library));
  }
  static std::string ExpectedShape(const std::string& library, const std::string& fidl) {
    auto compiled = fdfkit::idl::testing::Compile({{"expected.fidl", fidl}});
    EXPECT_TRUE(compiled.ok) << compiled.errors();
    return Shape(compiled.library(library));
  }
  std::string clone_text_;
};

// §3.2 A: `open protocol` with its methods kept strict, status → error syntax, the same fields.
TEST_F(FuchsiaReference, ClockImplMatchesFuchsiasDriverTransportVersion) {
  EXPECT_EQ(CloneShape("fuchsia.hardware.clockimpl"), ExpectedShape("fuchsia.hardware.clockimpl", R"(
library fuchsia.hardware.clockimpl;
using zx;
@discoverable
@transport("Driver")
open protocol ClockImpl {
    strict Enable(struct { id uint32; }) -> () error zx.Status;
    strict Disable(struct { id uint32; }) -> () error zx.Status;
    strict IsEnabled(struct { id uint32; }) -> (struct { enabled bool; }) error zx.Status;
    strict SetRate(struct { id uint32; hz uint64; }) -> () error zx.Status;
    strict QuerySupportedRate(struct { id uint32; hz uint64; }) -> (struct { hz uint64; }) error zx.Status;
    strict GetRate(struct { id uint32; }) -> (struct { hz uint64; }) error zx.Status;
    strict SetInput(struct { id uint32; idx uint32; }) -> () error zx.Status;
    strict GetNumInputs(struct { id uint32; }) -> (struct { n uint32; }) error zx.Status;
    strict GetInput(struct { id uint32; }) -> (struct { index uint32; }) error zx.Status;
};
service Service {
    device client_end:ClockImpl;
};
)"));
}

// §3.2 F: a copy of the banjo file on the driver transport. The ddk-interface InBandInterrupt
// becomes a discoverable driver-transport protocol of its own, passed as a client_end; the service
// is SdmmcService with member sdmmc. Fuchsia later redesigned Request by hand to take a vector of
// requests; the mechanical clone keeps the single request.
TEST_F(FuchsiaReference, SdmmcMatchesFuchsiasDriverTransportVersion) {
  EXPECT_EQ(CloneShape("fuchsia.hardware.sdmmc"), ExpectedShape("fuchsia.hardware.sdmmc", R"(
library fuchsia.hardware.sdmmc;
using zx;
type SdmmcVoltage = strict enum : uint8 { V330 = 0; V180 = 1; };
type SdmmcBusWidth = strict enum : uint8 { ONE = 0; FOUR = 1; EIGHT = 2; };
type SdmmcTiming = strict enum : uint8 { LEGACY = 0; HS = 1; HSDDR = 2; HS200 = 3; HS400 = 4; };
type SdmmcHostInfo = struct {
    caps uint64; max_transfer_size uint64; max_transfer_size_non_dma uint64; prefs uint64;
};
type SdmmcBuffer = struct { vmo_id uint32; offset uint64; size uint64; };
type SdmmcReq = struct {
    cmd_idx uint32; cmd_flags uint32; arg uint32; blockcount uint16; blocksize uint16;
    client_id uint8; buffers_list vector<SdmmcBuffer>:MAX;
};
@discoverable
@transport("Driver")
closed protocol InBandInterrupt {
    strict Callback() -> ();
};
@discoverable
@transport("Driver")
closed protocol Sdmmc {
    strict HostInfo() -> (struct { info SdmmcHostInfo; }) error zx.Status;
    strict SetSignalVoltage(struct { voltage SdmmcVoltage; }) -> () error zx.Status;
    strict SetBusWidth(struct { bus_width SdmmcBusWidth; }) -> () error zx.Status;
    strict SetBusFreq(struct { bus_freq uint32; }) -> () error zx.Status;
    strict SetTiming(struct { timing SdmmcTiming; }) -> () error zx.Status;
    strict HwReset() -> ();
    strict PerformTuning(struct { cmd_idx uint32; }) -> () error zx.Status;
    strict RegisterInBandInterrupt(resource struct {
        interrupt_cb client_end:InBandInterrupt;
    }) -> () error zx.Status;
    strict AckInBandInterrupt();
    strict RegisterVmo(resource struct {
        vmo_id uint32; client_id uint8; vmo zx.Handle:VMO; offset uint64; size uint64;
        vmo_rights uint32;
    }) -> () error zx.Status;
    strict UnregisterVmo(struct { vmo_id uint32; client_id uint8; })
        -> (resource struct { vmo zx.Handle:VMO; }) error zx.Status;
    strict Request(struct { req SdmmcReq; })
        -> (struct { response array<uint32, 4>; }) error zx.Status;
};
service SdmmcService {
    sdmmc client_end:Sdmmc;
};
)"));
}

// §3.2 K: the gizmo example, banjo `Misc` → driver-transport `Device`, status → error syntax.
TEST_F(FuchsiaReference, GizmoMatchesFuchsiasDriverTransportVersion) {
  EXPECT_EQ(CloneShape("fuchsia.examples.gizmo"), ExpectedShape("fuchsia.examples.gizmo", R"(
library fuchsia.examples.gizmo;
using zx;
@discoverable
@transport("Driver")
closed protocol Device {
    strict GetHardwareId() -> (struct { response uint32; }) error zx.Status;
    strict GetFirmwareVersion() -> (struct { major uint32; minor uint32; }) error zx.Status;
};
service Service {
    device client_end:Device;
};
)"));
}

// §3.2 C: the controller writes reads into the caller's buffers; the clone returns them, one
// ReadData per op, as Fuchsia's i2cimpl returns `read vector<ReadData>`.
TEST_F(FuchsiaReference, I2cImplTransactReturnsItsReadData) {
  std::string shape = CloneShape("fuchsia.hardware.i2cimpl");
  EXPECT_NE(shape.find("  Device.Transact: flexible (bus_id uint32, op "
                       "vector<I2cImplOp>:I2C_IMPL_MAX_RW_OPS) -> (read "
                       "vector<ReadData>:I2C_IMPL_MAX_RW_OPS) error zx.Status\n"),
            std::string::npos)
      << shape;
  EXPECT_NE(clone_text_.find("type ReadData = struct {\n    data vector<uint8>:MAX;\n};"),
            std::string::npos)
      << clone_text_;
}

}  // namespace
