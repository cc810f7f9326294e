// Rewrite (--mode=dual): a banjo server's mixin base `ddk::FooProtocol<D>` becomes the generated
// `fdfkit::shims::<lib>::FooDualServer<D>`, which derives from that same mixin — D keeps its banjo
// methods, and gains banjo_server() and AddDriverTransportService(), which a DFv2 driver calls
// first thing in its Start (driver_start.h); any other server publishes by hand (said at the
// class). A mixin with a DFv1 base
// (`ddk::FooProtocol<D, ddk::base_protocol>`) is left alone: the base protocol is a DFv1 device's.
// In --mode=replace the server moves to fdf::WireServer (wire_server_rewrite.h).
#ifndef FDFKIT_MIGRATE_DRIVER_DUAL_SERVER_REWRITE_H_
#define FDFKIT_MIGRATE_DRIVER_DUAL_SERVER_REWRITE_H_

#include "migrate/driver/rewrite.h"
#include "migrate/driver/wire_server_rewrite.h"

namespace fdfkit::driver_migration {

class DualServerRewrite : public Rewrite {
 public:
  using Rewrite::Rewrite;
  void Register(clang::ast_matchers::MatchFinder* finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;

 private:
  // The mapped protocol a base serves: as its banjo mixin, or as its generated dual server
  // (`dual`); null if none.
  struct MappedBase {
    const LibraryMapping* library = nullptr;
    const ProtocolMapping* protocol = nullptr;
    bool dual = false;
  };
  MappedBase Mapped(const clang::CXXBaseSpecifier& base) const;
  // How many of `server`'s bases are banjo mixins or dual servers the mappings know: with more
  // than one, an unqualified AddDriverTransportService would be ambiguous.
  int MappedBases(const clang::CXXRecordDecl& server) const;
  // Names the dual server each of `server`'s own unqualified AddDriverTransportService calls
  // goes to: with a second dual base, it would be ambiguous.
  void QualifyPublications(clang::ASTContext& ast, const clang::CXXRecordDecl& server);

  WireServerRewrite wire_server_{context_};
};

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_DUAL_SERVER_REWRITE_H_
