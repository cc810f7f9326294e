// The migration report of one library: every change made, then every decision left to a human,
// each with its banjo location. Markdown for people, JSON (fdfkit-migration-report/1) for tools.
#ifndef FDFKIT_MIGRATE_PROTOCOL_REPORT_H_
#define FDFKIT_MIGRATE_PROTOCOL_REPORT_H_

#include <string>

#include "migrate/protocol/translator.h"

namespace fdfkit::protocol {

enum class ReportFormat { kMarkdown, kJson };

// The file name the report is written under: <library>.migration.md or .migration.json.
std::string ReportFileName(const Translation& translation, ReportFormat format);
std::string MigrationReport(const Translation& translation, ReportFormat format);

// Indented JSON and a final newline. Names and notes come from the input, which need not be valid
// UTF-8: bad bytes become U+FFFD instead of an exception.
std::string DumpJson(const nlohmann::ordered_json& json);

}  // namespace fdfkit::protocol

#endif  // FDFKIT_MIGRATE_PROTOCOL_REPORT_H_
