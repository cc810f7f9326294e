// Compiles a rules file against the bind libraries into a Program (program.h). The pipeline is
// visible in Compile(): parse, import, check the composite's nodes, resolve and type every
// condition, emit code per block. Every problem is reported with its place; nothing is returned
// when there were errors.
#ifndef FDFKIT_RUNTIME_DRIVER_BIND_COMPILER_H_
#define FDFKIT_RUNTIME_DRIVER_BIND_COMPILER_H_

#include <memory>
#include <optional>

#include "runtime/driver/bind/diagnostics.h"
#include "runtime/driver/bind/libraries.h"
#include "runtime/driver/bind/program.h"

namespace fdfkit::bind {

struct CompiledRules {
  Program program;
  Scope scope;  // the rules file's imports, for naming keys and values in bind tests
};

class Compiler {
 public:
  explicit Compiler(Diagnostics* diagnostics) : diagnostics_(diagnostics), libraries_(diagnostics) {}

  // A bind library file (--include); false if it does not parse or repeats a library.
  bool AddLibrary(std::unique_ptr<SourceFile> file) { return libraries_.Add(std::move(file)); }
  Libraries& libraries() { return libraries_; }

  // `rules` must outlive the result (its scope points at it).
  std::optional<CompiledRules> Compile(const SourceFile& rules);

 private:
  bool EmitBlock(const ast::Block& block, const Scope& scope, Program* program,
                 std::vector<Instruction>* code);
  bool EmitCondition(const ast::Name& key_name, bool equal, const std::vector<ast::Value>& values,
                     const Scope& scope, Program* program, Instruction* out);
  std::optional<ProgramValue> CompileValue(const ast::Value& value, const Key& key,
                                           const Scope& scope, Program* program);

  Diagnostics* diagnostics_;
  Libraries libraries_;
  bool libraries_resolved_ = false;
};

}  // namespace fdfkit::bind

#endif  // FDFKIT_RUNTIME_DRIVER_BIND_COMPILER_H_
