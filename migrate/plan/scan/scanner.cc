#include "migrate/plan/scan/scanner.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <tuple>

#include "migrate/plan/inventory.h"
#include "migrate/plan/scan/board_files.h"
#include "migrate/plan/scan/driver_reader.h"
#include "migrate/protocol/transport_choice.h"

namespace fdfkit::plan::scan {

namespace {

using Json = nlohmann::ordered_json;

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// One board label entry that reaches a driver: where it is written and what replaces it.
struct LabelEntry {
  int driver = -1;
  std::string label, list, file;
  std::string written;  // as the file writes it, when computed (see GnValue::written)
  int line = 0;
  std::string ported_label;
  bool ported_exists = false;
};

struct BoardScan {
  std::string id, gni;
  std::vector<std::string> own_files;
  std::map<std::string, GnValue> scope;  // what the board's files set
  std::vector<LabelEntry> entries;
  std::vector<int> drivers;  // unique, in listing order
  std::set<int> listed;      // the same drivers, for lookups
};

struct Placement {  // one instance of a driver on a board
  int driver = -1;
  int parent = -1;  // placement index of the parent it is colocated with
};

class Scanner {
 public:
  Scanner(const std::string& root, const ScanRules& rules, const ScanOverlay& overlay)
      : root_(root), tree_(root), rules_(rules), overlay_(overlay) {
    tree_.SetBuildMachinery(rules_.build_machinery_dirs);
  }

  ScanResult Run() {
    if (!tree_.IsDirectory("")) {
      result_.errors.push_back(AtFile("", 0, 0, diag::kTreeNotADirectory, root_));
      return std::move(result_);
    }
    libraries_ = IndexLibraries(tree_, rules_);
    reader_.emplace(tree_, rules_, libraries_, &result_.errors, &result_.unresolved);
    ReadBoards();
    for (const FileDiagnostic& e : tree_.BuildErrors()) result_.errors.push_back(e);
    if (boards_.empty() && result_.errors.empty()) {
      result_.errors.push_back(AtFile("", 0, 0, diag::kNoBoards, root_));
    }
    std::vector<Json> boards;
    for (BoardScan& board : boards_) boards.push_back(PlaceHosts(board));
    for (const FileDiagnostic& note : tree_.BuildNotes()) result_.unresolved.push_back(note);
    Write(boards);
    return std::move(result_);
  }

 private:
  void ReadBoards() {
    BoardFiles files = ReadBoardFiles(tree_, rules_);
    result_.errors.insert(result_.errors.end(), files.errors.begin(), files.errors.end());
    result_.unresolved.insert(result_.unresolved.end(), files.notes.begin(), files.notes.end());
    for (BoardListing& listing : files.boards) {
      BoardScan board;
      board.id = listing.id;
      board.gni = listing.file;
      board.own_files = listing.own_files;
      board.scope = std::move(listing.scope);
      for (const ListedLabel& listed : listing.labels) AddLabel(&board, listed);
      if (!board.entries.empty()) boards_.push_back(std::move(board));
    }
  }

  // A BUILD.gn as `board` sees it (its conditions on what the board sets decided).
  const GnFile* BuildFor(const std::string& dir, const BoardScan* board) {
    return board == nullptr ? tree_.Build(dir) : tree_.BuildFor(dir, board->id, board->scope);
  }

  void AddLabel(BoardScan* board, const ListedLabel& listed) {
    const GnValue& item = listed.label;
    std::optional<GnLabel> label = ParseGnLabel(item.string, listed.dir);
    const GnFile* build = label ? BuildFor(label->dir, board) : nullptr;
    if (build != nullptr && !build->errors.empty()) return;  // reported with every build file's
    if (build == nullptr || build->FindTarget(label->name) == nullptr) {
      result_.unresolved.push_back(AtFile(item.file, item.line, 0, diag::kBoardLabelNotInTree, item.string));
      return;
    }
    std::vector<GnLabel> components;
    std::set<std::string> visited;
    Components(*label, board, &visited, &components);
    if (components.empty()) {
      result_.unresolved.push_back(AtFile(item.file, item.line, 0, diag::kBoardLabelReachesNoDriver, item.string));
    }
    for (const GnLabel& component : components) {
      LabelEntry entry;
      entry.driver = DriverFor(component, *board);
      entry.label = item.string;
      entry.list = listed.list;
      entry.file = item.file;
      entry.line = item.line;
      entry.written = item.written;
      PortedVariant(*label, &entry);
      board->entries.push_back(entry);
      if (board->listed.insert(entry.driver).second) board->drivers.push_back(entry.driver);
    }
  }

  // The driver components `label` reaches through the rules' follow variables, as `board` (if
  // any) sees each BUILD.gn on the way.
  void Components(const GnLabel& label, const BoardScan* board, std::set<std::string>* visited,
                  std::vector<GnLabel>* out) {
    if (!visited->insert(label.Text()).second) return;
    const GnFile* build = BuildFor(label.dir, board);
    const GnTarget* target = build ? build->FindTarget(label.name) : nullptr;
    if (target == nullptr) return;
    if (Contains(rules_.driver_target_types, target->type)) {
      out->push_back(label);
      return;
    }
    for (const std::string& variable : rules_.follow_variables) {
      for (const std::string& dep : target->Strings(variable)) {
        if (std::optional<GnLabel> parsed = ParseGnLabel(dep, label.dir)) Components(*parsed, board, visited, out);
      }
    }
  }

  // The driver a component is, read as the first board listing it sees its BUILD.gn. A driver is
  // one record for every board: another board reading its BUILD.gn differently is said.
  int DriverFor(const GnLabel& component, const BoardScan& board) {
    const GnFile* build = BuildFor(component.dir, &board);
    auto it = driver_of_label_.find(component.Text());
    if (it != driver_of_label_.end()) {
      auto& [first_build, first_board] = read_as_[it->second];
      if (build != nullptr && build != first_build && reported_readings_.insert({it->second, board.id}).second) {
        result_.unresolved.push_back(AtFile(build->path, 0, 0, diag::kDriverReadsPerBoard,
                                            drivers_[static_cast<size_t>(it->second)].id, board.id, first_board));
      }
      return it->second;
    }
    DriverReader::BuildResolver build_of = [&](const std::string& dir) { return BuildFor(dir, &board); };
    ScannedDriver driver = reader_->Read(component, build_of);
    read_as_.push_back({build, board.id});
    auto [same, fresh] = driver_of_id_.emplace(driver.id, static_cast<int>(drivers_.size()));
    if (!fresh) {
      result_.errors.push_back(AtFile(driver.build_file, 0, 0, diag::kDuplicateComponentId, driver.id,
                                      component.Text(), drivers_[static_cast<size_t>(same->second)].component_label));
    }
    drivers_.push_back(std::move(driver));
    return driver_of_label_[component.Text()] = static_cast<int>(drivers_.size()) - 1;
  }

  // The label that replaces `board_label` once the driver is ported: an existing variant target
  // beside it (`:package-fidl`, `:package-dfv2`), or the one the port is expected to create.
  // Every board listing the same label gets the same answer, so the variant is walked once.
  void PortedVariant(const GnLabel& board_label, LabelEntry* entry) {
    auto known = variant_of_label_.find({board_label.Text(), entry->driver});
    if (known != variant_of_label_.end()) {
      std::tie(entry->ported_label, entry->ported_exists) = known->second;
      return;
    }
    entry->ported_label = "//" + board_label.dir + ":" + board_label.name + rules_.new_variant_suffix;
    const GnFile* build = tree_.Build(board_label.dir);
    for (const std::string& suffix : rules_.ported_variant_suffixes) {
      GnLabel variant{board_label.dir, board_label.name + suffix};
      if (build->FindTarget(variant.name) == nullptr) continue;
      entry->ported_label = variant.Text();
      entry->ported_exists = true;
      ScannedDriver& driver = drivers_[static_cast<size_t>(entry->driver)];
      ScannedDriver outline = reader_->Outline(variant);
      for (const std::string& f : driver.files) {
        if (!outline.files.count(f) && !driver.included_headers.count(f)) {
          banjo_only_files_[entry->driver].insert(f);
        }
      }
      // A variant that reaches a driver and has no banjo deps means the port is done: only the
      // banjo variant remains.
      std::vector<GnLabel> components;
      std::set<std::string> visited;
      Components(variant, nullptr, &visited, &components);
      if (driver.status == "banjo" && outline.banjo.empty() && !components.empty()) driver.status = "dual";
      break;
    }
    variant_of_label_[{board_label.Text(), entry->driver}] = {entry->ported_label, entry->ported_exists};
  }

  // Drivers on the board being placed that serve `library` (banjo) or its successor (FIDL),
  // other than `self`. `serving_` is indexed once per board: banjo and FIDL names never collide
  // with each other's meaning because a successor lookup maps banjo names first.
  std::vector<int> Servers(const std::string& library, int self) const {
    std::vector<int> out;
    for (const std::string& name : {library, rules_.Successor(library)}) {
      auto it = serving_.find(name);
      if (it == serving_.end()) continue;
      for (int d : it->second) {
        if (d != self && std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
      }
    }
    return out;
  }

  void IndexServers(const BoardScan& board) {
    serving_.clear();
    for (int d : board.drivers) {
      const ScannedDriver& driver = drivers_[static_cast<size_t>(d)];
      for (const std::string& library : driver.serves) serving_[library].push_back(d);
      for (const std::string& library : driver.fidl_serves) {
        if (!driver.serves.count(library)) serving_[library].push_back(d);
      }
    }
  }

  struct Resolved {
    int parent = -1;
    std::string library;
    bool banjo = true;  // the node binds the parent's banjo protocol (not only its channel FIDL)
  };

  // The parent driver a bind node resolves to on `board`, reporting what cannot be resolved.
  Resolved ResolveNode(const BoardScan& board, int self, const BindParent& node) {
    ScannedDriver& driver = drivers_[static_cast<size_t>(self)];
    std::vector<std::string> libraries;
    bool platform = false;
    for (const std::string& value : node.banjo_values) {  // unknown values: reported by the reader
      auto known = rules_.bind_protocols.find(value);
      if (known == rules_.bind_protocols.end()) continue;
      if (known->second.empty()) platform = true;
      if (!known->second.empty() && !Contains(libraries, known->second)) libraries.push_back(known->second);
    }
    std::set<std::string> channel_only;  // BIND_FIDL_PROTOCOL parents: never a banjo edge
    for (const BindParent::Fidl& fidl : node.fidl) {
      std::string library = fidl.library;
      if (fidl.member.empty()) channel_only.insert(library);
      for (const auto& [banjo, successor] : rules_.successors) {
        if (successor == fidl.library && !fidl.member.empty()) library = banjo;
      }
      if (!Contains(libraries, library)) libraries.push_back(library);
    }
    std::vector<std::pair<int, std::string>> candidates;
    for (const std::string& library : libraries) {
      for (int server : Servers(library, self)) {
        bool seen = std::any_of(candidates.begin(), candidates.end(), [&](auto& c) { return c.first == server; });
        if (!seen) candidates.push_back({server, library});
      }
    }
    if (candidates.size() == 1) {
      bool banjo = !channel_only.count(candidates[0].second) || driver.consumes.count(candidates[0].second) > 0;
      return {candidates[0].first, candidates[0].second, banjo};
    }
    // A composite's findings name the node; a plain driver has one parent.
    const std::string& file = driver.bind_file;
    if (candidates.size() > 1) {
      std::string names;
      for (auto& c : candidates) names += (names.empty() ? "" : ", ") + drivers_[static_cast<size_t>(c.first)].id;
      result_.unresolved.push_back(
          node.node.empty()
              ? AtFile(file, node.line, 0, diag::kSeveralParentCandidates, board.id, driver.id, names)
              : AtFile(file, node.line, 0, diag::kSeveralNodeCandidates, board.id, node.node, driver.id, names));
    } else if (!libraries.empty() && !node.optional) {
      result_.unresolved.push_back(
          node.node.empty()
              ? AtFile(file, node.line, 0, diag::kNoServerForParent, board.id, libraries[0], driver.id)
              : AtFile(file, node.line, 0, diag::kNoServerForNode, board.id, libraries[0], node.node, driver.id));
    } else if (libraries.empty() && !platform && driver.colocate.value_or(false) && node.primary) {
      result_.unresolved.push_back(AtFile(file, node.line, 0, diag::kColocatedWithoutParent, board.id, driver.id));
    }
    return {};
  }

  int Find(std::vector<int>& up, int x) {
    while (up[static_cast<size_t>(x)] != x) x = up[static_cast<size_t>(x)] = up[static_cast<size_t>(up[static_cast<size_t>(x)])];
    return x;
  }

  int DriverIndex(const std::string& id) const {
    auto it = driver_of_id_.find(id);
    return it == driver_of_id_.end() ? -1 : it->second;
  }

  Json PlaceHosts(BoardScan& board) {
    IndexServers(board);
    std::vector<Placement> placements;
    std::map<int, int> first_placement;
    for (int d : board.drivers) {
      first_placement[d] = static_cast<int>(placements.size());
      placements.push_back({d, -1});
    }
    auto overlay_parents = overlay_.parents.find(board.id);
    for (int d : board.drivers) {
      ScannedDriver& driver = drivers_[static_cast<size_t>(d)];
      Placement& first = placements[static_cast<size_t>(first_placement[d])];
      bool settled = false;  // the overlay names the primary parent: no guessing, no findings
      if (overlay_parents != overlay_.parents.end()) {
        auto chosen = overlay_parents->second.find(driver.id);
        if (chosen != overlay_parents->second.end()) {
          first.parent = OverlayParent(board, first_placement, d, chosen->second);
          settled = true;
        }
      }
      for (const BindParent& node : driver.bind.parents) {
        if (node.primary && settled) continue;
        Resolved r = ResolveNode(board, d, node);
        if (r.parent < 0) continue;
        if (node.primary && driver.colocate.value_or(false)) first.parent = first_placement[r.parent];
        if (r.banjo) AddEdge(r.parent, d, r.library, board.id);
      }
    }
    if (auto extra = overlay_.instances.find(board.id); extra != overlay_.instances.end()) {
      for (const auto& [id, parents] : extra->second) {
        int d = DriverIndex(id);
        if (d < 0 || !first_placement.count(d)) {
          result_.errors.push_back(AtFile("", 0, 0, diag::kOverlayInstanceNotOnBoard, board.id, id, id, board.id));
          continue;
        }
        for (const std::string& parent : parents) {
          placements.push_back({d, OverlayParent(board, first_placement, d, parent)});
        }
      }
    }
    std::vector<int> up(placements.size());
    std::iota(up.begin(), up.end(), 0);
    for (size_t i = 0; i < placements.size(); ++i) {
      if (placements[i].parent >= 0) up[static_cast<size_t>(Find(up, static_cast<int>(i)))] = Find(up, placements[i].parent);
    }
    std::map<int, std::vector<int>> groups;  // root placement → drivers
    for (size_t i = 0; i < placements.size(); ++i) {
      std::vector<int>& members = groups[Find(up, static_cast<int>(i))];
      if (!std::count(members.begin(), members.end(), placements[i].driver)) members.push_back(placements[i].driver);
    }
    Json hosts = Json::array();
    std::set<std::string> ids;
    for (auto& [root, members] : groups) {
      std::string id = board.id + "/" + drivers_[static_cast<size_t>(placements[static_cast<size_t>(root)].driver)].id;
      for (int n = 2; ids.count(id); ++n) id = board.id + "/" + drivers_[static_cast<size_t>(placements[static_cast<size_t>(root)].driver)].id + "#" + std::to_string(n);
      ids.insert(id);
      Json names = Json::array();
      for (int d : members) names.push_back(drivers_[static_cast<size_t>(d)].id);
      hosts.push_back({{"id", id}, {"drivers", names}});
    }
    ServiceEdges(board);
    Json labels = Json::array();
    for (const LabelEntry& e : board.entries) {
      Json label = {{"driver", drivers_[static_cast<size_t>(e.driver)].id}, {"label", e.label}, {"list", e.list},
                    {"file", e.file}, {"line", e.line}, {"ported_label", e.ported_label},
                    {"ported_label_exists", e.ported_exists}};
      if (!e.written.empty()) label["written"] = e.written;
      labels.push_back(label);
    }
    return {{"id", board.id}, {"gni", board.gni}, {"own_files", board.own_files}, {"hosts", hosts}, {"labels", labels}};
  }

  // The placement an overlay-named parent stands for (its first instance), or -1 for a host of
  // the driver's own; adds the edges the two drivers share.
  int OverlayParent(const BoardScan& board, const std::map<int, int>& first_placement, int d,
                    const std::string& parent) {
    if (parent.empty()) return -1;
    int p = DriverIndex(parent);
    if (p < 0 || !board.listed.count(p)) {
      result_.errors.push_back(AtFile("", 0, 0, diag::kOverlayParentNotOnBoard, parent,
                                      drivers_[static_cast<size_t>(d)].id, board.id));
      return -1;
    }
    const ScannedDriver& child = drivers_[static_cast<size_t>(d)];
    for (const std::string& library : drivers_[static_cast<size_t>(p)].serves) {
      if (child.consumes.count(library)) AddEdge(p, d, library, board.id);
    }
    return first_placement.at(p);
  }

  void AddEdge(int from, int to, const std::string& library, const std::string& board) {
    if (edge_keys_.insert({from, to, library, board}).second) edges_.push_back({from, to, library, board});
  }

  // FIDL service edges on `board`: each service a driver uses (code or manifest) from the one
  // other driver of the board serving it. Nobody serving it, or several, is a finding.
  void ServiceEdges(const BoardScan& board) {
    std::map<std::string, std::vector<int>> servers;
    for (int d : board.drivers) {
      for (const auto& [service, evidence] : drivers_[static_cast<size_t>(d)].services_served) servers[service].push_back(d);
    }
    for (int d : board.drivers) {
      const ScannedDriver& driver = drivers_[static_cast<size_t>(d)];
      for (const auto& [used, evidence] : driver.services_used) {
        const std::string& service = used;  // lambdas below cannot capture a structured binding
        if (Contains(rules_.external_services, service)) continue;
        const ServiceEvidence& use = evidence.front();
        std::vector<int> candidates;
        for (int server : servers[service]) {
          if (server != d) candidates.push_back(server);
        }
        if (candidates.empty()) {
          bool anywhere = std::any_of(drivers_.begin(), drivers_.end(), [&](const ScannedDriver& other) {
            return &other != &driver && other.services_served.count(service);
          });
          result_.unresolved.push_back(
              anywhere ? AtFile(use.file, use.line, 0, diag::kServiceNotOnBoard, board.id, driver.id, service)
                       : AtFile(use.file, use.line, 0, diag::kServiceServedByNobody, driver.id, service));
          continue;
        }
        if (candidates.size() > 1) {
          std::string names;
          for (int c : candidates) names += (names.empty() ? "" : ", ") + drivers_[static_cast<size_t>(c)].id;
          result_.unresolved.push_back(
              AtFile(use.file, use.line, 0, diag::kSeveralServiceServers, board.id, service, driver.id, names));
          continue;
        }
        if (service_edge_keys_.insert({candidates[0], d, service, board.id}).second) {
          service_edges_.push_back({candidates[0], d, service, board.id});
        }
      }
    }
  }

  struct Transport {
    std::string transport, from;
  };

  // The transport of `service` between `from` and `to`: the library's @transport when its source
  // is in the tree; else the consumer's bind rule (`.DriverTransport` / `.ZirconTransport`); else
  // the bindings the two drivers build with (`_cpp_driver` or the channel ones), said as a finding.
  Transport ServiceTransport(const std::string& service, int from, int to) {
    std::string library = service.substr(0, service.rfind('.'));
    std::string member = service.substr(service.rfind('.') + 1);
    if (auto sdk = libraries_.fidl_transport.find(library); sdk != libraries_.fidl_transport.end()) {
      return {sdk->second, "the library's @transport (" + library + " in the tree's FIDL libraries)"};
    }
    const auto& sources = reader_->FidlSources();
    if (auto source = sources.find(library); source != sources.end()) {
      return {source->second.transport, "the library's @transport (" + source->second.file + ")"};
    }
    const ScannedDriver& consumer = drivers_[static_cast<size_t>(to)];
    for (const BindParent& node : consumer.bind.parents) {
      for (const BindParent::Fidl& fidl : node.fidl) {
        if (fidl.library == library && fidl.member == member) {
          return {fidl.transport, "bind rules (" + consumer.bind_file + ":" + std::to_string(node.line) + ")"};
        }
      }
    }
    std::set<std::string> seen;
    const LibraryDep* first = nullptr;
    for (int d : {from, to}) {
      const ScannedDriver& driver = drivers_[static_cast<size_t>(d)];
      for (const auto* list : {&driver.driver_fidl, &driver.channel_fidl}) {
        for (const LibraryDep& dep : *list) {
          if (dep.library != library) continue;
          seen.insert(list == &driver.driver_fidl ? "driver" : "channel");
          if (first == nullptr) first = &dep;
        }
      }
    }
    const std::string& from_id = drivers_[static_cast<size_t>(from)].id;
    if (seen.size() == 1) {
      std::string transport = *seen.begin();
      result_.unresolved.push_back(AtFile(first->file, first->line, 0, diag::kServiceTransportAssumed, library,
                                          service, transport, first->label));
      return {transport, "bindings (" + first->label + ", " + first->file + ":" + std::to_string(first->line) + ")"};
    }
    const ServiceEvidence& use = consumer.services_used.at(service).front();
    result_.unresolved.push_back(
        AtFile(use.file, use.line, 0, diag::kServiceTransportUnknown, library, service, from_id, consumer.id));
    return {"unknown", "nothing in the tree"};
  }

  void Write(const std::vector<Json>& boards);

  struct EdgeScan {
    int from, to;
    std::string library, board;
  };

  std::string root_;
  SourceTree tree_;
  const ScanRules& rules_;
  const ScanOverlay& overlay_;
  LibraryIndex libraries_;
  std::optional<DriverReader> reader_;
  ScanResult result_;
  std::vector<BoardScan> boards_;
  std::vector<std::pair<const GnFile*, std::string>> read_as_;  // per driver: its BUILD.gn, board
  std::set<std::pair<int, std::string>> reported_readings_;
  std::vector<ScannedDriver> drivers_;
  std::map<std::string, int> driver_of_label_;
  std::map<int, std::set<std::string>> banjo_only_files_;
  std::map<std::pair<std::string, int>, std::pair<std::string, bool>> variant_of_label_;
  std::vector<EdgeScan> edges_;
  std::set<std::tuple<int, int, std::string, std::string>> edge_keys_;
  std::vector<EdgeScan> service_edges_;  // `library` holds the service ("lib.Service")
  std::set<std::tuple<int, int, std::string, std::string>> service_edge_keys_;
  std::map<std::string, int> driver_of_id_;
  std::map<std::string, std::vector<int>> serving_;  // library → drivers of the board being placed
};

void Scanner::Write(const std::vector<Json>& boards) {
  std::set<std::string> protocol_ids;
  for (const ScannedDriver& d : drivers_) {
    for (const LibraryDep& dep : d.banjo) protocol_ids.insert(dep.library);
  }
  Json protocols = Json::array();
  for (const std::string& id : protocol_ids) {
    std::string successor = rules_.Successor(id);
    auto fidl = libraries_.fidl_transport.find(successor);
    Json files = Json::array();
    if (auto it = libraries_.banjo_files.find(id); it != libraries_.banjo_files.end()) {
      for (const std::string& f : it->second) files.push_back(f);
    }
    // The successor's own @transport when it is in the tree; otherwise the choice migrate-protocol
    // makes for the library (Fuchsia's, in its default rules), so plan and clones agree; the scan
    // rules' default_transport for a library the default rules say nothing about.
    std::string transport = rules_.default_transport;
    std::string transport_from = "scan rules: $.default_transport";
    if (fidl != libraries_.fidl_transport.end()) {
      transport = fidl->second;
      transport_from = "the successor's @transport";
    } else if (protocol::TransportChoice choice =
                   protocol::ChooseTransport(id, "", protocol::DefaultRules(), {});
               choice.source == "rules") {
      transport = protocol::TransportName(choice.transport);
      transport_from = choice.where;
    }
    Json p = {{"id", id},
              {"transport", transport},
              {"transport_from", transport_from},
              {"clone_effort", 1},
              {"status", fidl != libraries_.fidl_transport.end() ? "cloned" : "banjo"},
              {"successor", successor},
              {"files", files}};
    if (overlay_.protocols.contains(id)) p.merge_patch(overlay_.protocols[id]);
    protocols.push_back(p);
  }
  for (const auto& [id, fields] : overlay_.protocols.items()) {
    if (!protocol_ids.count(id)) result_.errors.push_back(AtFile("", 0, 0, diag::kOverlayProtocolUnreferenced, id, id));
  }
  std::vector<size_t> order(drivers_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return drivers_[a].id < drivers_[b].id; });
  Json drivers = Json::array();
  for (size_t i : order) {
    const ScannedDriver& d = drivers_[i];
    Json banjo_deps = Json::array();
    for (const LibraryDep& dep : d.banjo) {
      banjo_deps.push_back({{"library", dep.library}, {"label", dep.label}, {"file", dep.file}, {"line", dep.line}});
    }
    Json files = Json::array(), banjo_only = Json::array();
    for (const std::string& f : d.files) files.push_back(f);
    if (auto it = banjo_only_files_.find(static_cast<int>(i)); it != banjo_only_files_.end()) {
      for (const std::string& f : it->second) banjo_only.push_back(f);
    }
    Json record = {{"id", d.id},
                   {"team", d.team},
                   {"effort", std::max<size_t>(1, d.banjo.size())},
                   {"status", d.status},
                   {"dual_binary", d.dual_binary},
                   {"serves", std::vector<std::string>(d.serves.begin(), d.serves.end())},
                   {"consumes", std::vector<std::string>(d.consumes.begin(), d.consumes.end())},
                   {"component", d.component_label},
                   {"build_file", d.build_file},
                   {"colocate", d.colocate.value_or(false)},
                   {"banjo_deps", banjo_deps},
                   {"files", files},
                   {"banjo_only_files", banjo_only}};
    if (overlay_.drivers.contains(d.id)) record.merge_patch(overlay_.drivers[d.id]);
    drivers.push_back(record);
  }
  for (const auto& [id, fields] : overlay_.drivers.items()) {
    if (DriverIndex(id) < 0) result_.errors.push_back(AtFile("", 0, 0, diag::kOverlayDriverUnlisted, id, id));
  }
  Json edges = Json::array();
  for (const EdgeScan& e : edges_) {
    if (!protocol_ids.count(e.library)) continue;  // both ends already speak FIDL
    edges.push_back({{"from", drivers_[static_cast<size_t>(e.from)].id},
                     {"to", drivers_[static_cast<size_t>(e.to)].id},
                     {"protocol", e.library},
                     {"board", e.board}});
  }
  // Service edges: FIDL between two drivers, nothing to migrate. One that a banjo edge already
  // stands for (its library is the banjo protocol's successor: a dual server) is not repeated.
  Json service_edges = Json::array();
  for (const EdgeScan& e : service_edges_) {
    std::string library = e.library.substr(0, e.library.rfind('.'));
    bool banjo = std::any_of(edges_.begin(), edges_.end(), [&](const EdgeScan& b) {
      return b.from == e.from && b.to == e.to && b.board == e.board && protocol_ids.count(b.library) &&
             rules_.Successor(b.library) == library;
    });
    if (banjo) continue;
    Transport transport = ServiceTransport(e.library, e.from, e.to);
    const ScannedDriver& server = drivers_[static_cast<size_t>(e.from)];
    const ScannedDriver& consumer = drivers_[static_cast<size_t>(e.to)];
    Json served = Json::array(), used = Json::array();
    for (const ServiceEvidence& at : server.services_served.at(e.library)) served.push_back(at.Text());
    for (const ServiceEvidence& at : consumer.services_used.at(e.library)) used.push_back(at.Text());
    service_edges.push_back({{"from", server.id},
                             {"to", consumer.id},
                             {"service", e.library},
                             {"transport", transport.transport},
                             {"board", e.board},
                             {"transport_from", transport.from},
                             {"served_at", served},
                             {"used_at", used}});
  }
  // A file imported by many boards (boards/common/*.gni) would report its notes once per board,
  // a service's transport once per edge: keep the first.
  std::set<std::tuple<std::string, int, std::string>> seen;
  std::vector<FileDiagnostic> unique;
  for (FileDiagnostic& f : result_.unresolved) {
    if (seen.insert({f.file, f.line, f.message}).second) unique.push_back(std::move(f));
  }
  result_.unresolved = std::move(unique);
  Json unresolved = Json::array();
  for (const FileDiagnostic& f : result_.unresolved) {
    unresolved.push_back({{"file", f.file}, {"line", f.line}, {"message", f.message}});
  }
  result_.inventory = {{"schema", plan::kInventorySchema},
                       {"about", "written by migrate-plan scan; edit the overlay, not this file"},
                       {"scan", {{"root", root_}, {"unresolved", unresolved}}},
                       {"protocols", protocols},
                       {"drivers", drivers},
                       {"boards", boards},
                       {"edges", edges},
                       {"service_edges", service_edges}};
}

}  // namespace

ScanResult ScanTree(const std::string& root, const ScanRules& rules, const ScanOverlay& overlay) {
  Scanner scanner(root, rules, overlay);
  ScanResult result = scanner.Run();
  if (result.errors.empty()) {
    // The scan must never hand the planner an inventory it would reject.
    plan::InventoryLoad check = plan::ParseInventory(result.inventory.dump());
    for (const JsonDiagnostic& e : check.errors) {
      result.errors.push_back(AtFile("", 0, 0, diag::kScannedInventoryInvalid, e.path, e.info->Code(), e.message));
    }
  }
  return result;
}

}  // namespace fdfkit::plan::scan
