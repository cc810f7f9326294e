#include "migrate/idl/diagnostics.h"

#include <llvm/Support/MemoryBuffer.h>


namespace fdfkit::idl {

bool SourceFiles::AddFile(const std::string& path, std::string* error) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer) {
    *error = buffer.getError().message();
    return false;
  }
  manager_.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  return true;
}

unsigned SourceFiles::AddBuffer(std::string_view text, const std::string& name) {
  return manager_.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(llvm::StringRef(text.data(), text.size()), name),
      llvm::SMLoc());
}

std::string_view SourceFiles::Text(unsigned buffer_id) const {
  llvm::StringRef text = manager_.getMemoryBuffer(buffer_id)->getBuffer();
  return {text.data(), text.size()};
}

std::string_view SourceFiles::Name(unsigned buffer_id) const {
  llvm::StringRef name = manager_.getMemoryBuffer(buffer_id)->getBufferIdentifier();
  return {name.data(), name.size()};
}

std::pair<unsigned, unsigned> SourceFiles::LineAndColumn(llvm::SMLoc loc) const {
  if (!loc.isValid()) return {0, 0};
  return manager_.getLineAndColumn(loc);
}

std::string_view SourceFiles::FileOf(llvm::SMLoc loc) const {
  if (!loc.isValid()) return {};
  return Name(manager_.FindBufferContainingLoc(loc));
}

SourceFiles::Position SourceFiles::Locate(llvm::SMLoc loc) const {
  if (!loc.isValid()) return {};
  unsigned buffer = manager_.FindBufferContainingLoc(loc);
  if (buffer == 0) return {};
  auto [line, column] = manager_.getLineAndColumn(loc, buffer);
  return {Name(buffer), line, column};
}

std::string SourceFiles::Where(llvm::SMLoc loc) const {
  Position position = Locate(loc);
  return std::string(position.file) + ":" + std::to_string(position.line) + ":" +
         std::to_string(position.column);
}

void Reporter::Add(Diagnostic diagnostic) {
  if (diagnostic.is_error()) ++errors_;
  diagnostics_.push_back(std::move(diagnostic));
}

std::string Reporter::Where(llvm::SMLoc loc) const { return files_->Where(loc); }

void Reporter::Print(llvm::raw_ostream& out) const {
  for (const Diagnostic& d : diagnostics_) {
    std::string text = "[" + d.info->Code() + "] " + d.message;
    if (d.loc.isValid()) {
      files_->manager().PrintMessage(
          out, d.loc, d.is_error() ? llvm::SourceMgr::DK_Error : llvm::SourceMgr::DK_Warning, text);
    } else {
      out << support::SeverityName(d.info->severity) << ": " << text << "\n";
    }
  }
}

std::string Reporter::Summary() const {
  std::string out;
  for (const Diagnostic& d : diagnostics_) {
    out += Where(d.loc) + (d.is_error() ? ": [" : ": warning: [") + d.info->Code() + "] " +
           d.message + "\n";
  }
  return out;
}

std::vector<std::string> Reporter::Codes() const {
  std::vector<std::string> codes;
  for (const Diagnostic& d : diagnostics_) codes.push_back(d.info->Code());
  return codes;
}

}  // namespace fdfkit::idl
