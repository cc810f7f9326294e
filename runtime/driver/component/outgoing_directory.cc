#include <fidl/fuchsia.io/cpp/wire.h>
#include <lib/driver/outgoing/cpp/outgoing_directory.h>
#include <lib/fdf/dispatcher.h>
#include <lib/fidl/epitaph.h>

#include <set>

namespace fdf {

// The directory itself: entries by path, remote directories by name, served on the driver's
// dispatcher (opens arrive there; AddService runs there too, so no lock).
class OutgoingDirectory::Server : public fidl::WireServer<fuchsia_io::Directory>,
                                  public std::enable_shared_from_this<Server> {
 public:
  explicit Server(fdf_dispatcher_t* dispatcher) : dispatcher_(dispatcher) {}

  void Open(OpenRequestView request, OpenCompleter::Sync& completer) override {
    OpenPath(prefix_view_, std::string(request->path.get()), request->flags,
             std::move(request->object));
  }

  // `prefix` is the sub-directory a view was opened at ("" for the root).
  void OpenPath(const std::string& prefix, std::string path, fuchsia_io::wire::OpenFlags flags,
                zx::channel object) {
    while (!path.empty() && path[0] == '/') path.erase(0, 1);
    if (path == ".") path.clear();
    std::string full = prefix.empty() ? path : (path.empty() ? prefix : prefix + "/" + path);
    bool token = static_cast<bool>(flags & fuchsia_io::wire::OpenFlags::kDriverToken);
    Server& root_server = root();
    if (auto it = root_server.entries.find(full); it != root_server.entries.end()) {
      Entry& entry = it->second;
      if (token && entry.driver) return RegisterToken(full, std::move(object));
      if (!token && entry.channel) return entry.channel(std::move(object));
      // A token for a channel member, or a channel for a driver member: the wrong transport.
      if (!token) fidl_epitaph_write(object.get(), ZX_ERR_WRONG_TYPE);
      return;
    }
    for (auto& [name, remote] : root_server.directories) {
      if (full == name || full.starts_with(name + "/")) {
        std::string rest = full == name ? "." : full.substr(name.size() + 1);
        (void)fidl::WireCall(remote)->Open(fidl::StringView::FromExternal(rest), flags,
                                           std::move(object));
        return;
      }
    }
    if (!token && IsDirectory(full)) return ServeView(full, std::move(object));
    if (!token) fidl_epitaph_write(object.get(), ZX_ERR_NOT_FOUND);
    // A token is dropped: the opener's transfer then fails and its channel reads PEER_CLOSED.
  }

  bool IsDirectory(const std::string& path) const {
    if (path.empty()) return true;
    const auto& all = root_ ? root_->entries : entries;
    auto it = all.lower_bound(path + "/");
    return it != all.end() && it->first.starts_with(path + "/");
  }

  void ServeView(const std::string& prefix, zx::channel object) {
    auto view = std::make_shared<Server>(dispatcher_);
    view->root_ = shared_from_this();
    view->prefix_view_ = prefix;
    view->Bind(fidl::ServerEnd<fuchsia_io::Directory>(std::move(object)));
  }

  void Bind(fidl::ServerEnd<fuchsia_io::Directory> end) {
    fidl::BindServer(fdf_dispatcher_get_async_dispatcher(dispatcher_), std::move(end), this,
                     [keep = shared_from_this()](Server*, fidl::UnbindInfo,
                                                 fidl::ServerEnd<fuchsia_io::Directory>) {});
  }

  void RegisterToken(const std::string& path, zx::channel token) {
    // Owned by its own callback, which the runtime calls exactly once (with the channel, or
    // ZX_ERR_CANCELED when the dispatcher shuts down first).
    std::weak_ptr<Server> weak = root_ ? root_ : shared_from_this();
    auto* protocol = new fdf::Protocol(
        [weak, path](fdf_dispatcher_t*, fdf::Protocol* self, zx_status_t status,
                     fdf::Channel channel) {
          std::unique_ptr<fdf::Protocol> owned(self);
          std::shared_ptr<Server> server = weak.lock();
          if (status != ZX_OK || !server) return;
          auto it = server->entries.find(path);
          if (it != server->entries.end() && it->second.driver) it->second.driver(std::move(channel));
        });
    if (protocol->Register(std::move(token), dispatcher_) != ZX_OK) delete protocol;
  }

  Server& root() { return root_ ? *root_ : *this; }

  fdf_dispatcher_t* dispatcher_;
  std::map<std::string, Entry> entries;
  std::map<std::string, fidl::ClientEnd<fuchsia_io::Directory>> directories;

 private:
  std::shared_ptr<Server> root_;  // a view's directory
  std::string prefix_view_;
};

OutgoingDirectory::OutgoingDirectory(fdf_dispatcher_t* dispatcher)
    : server_(std::make_shared<Server>(dispatcher)) {}
OutgoingDirectory::OutgoingDirectory(OutgoingDirectory&&) noexcept = default;
OutgoingDirectory& OutgoingDirectory::operator=(OutgoingDirectory&&) noexcept = default;
OutgoingDirectory::~OutgoingDirectory() = default;

OutgoingDirectory OutgoingDirectory::Create(fdf_dispatcher_t* dispatcher) {
  return OutgoingDirectory(dispatcher);
}

bool OutgoingDirectory::HasPrefix(const std::string& prefix) const {
  auto it = server_->entries.lower_bound(prefix);
  return it != server_->entries.end() && it->first.starts_with(prefix);
}

void OutgoingDirectory::AddEntry(std::string path, Entry entry) {
  server_->entries[std::move(path)] = std::move(entry);
}

zx::result<> OutgoingDirectory::RemovePrefix(const std::string& prefix) {
  auto it = server_->entries.lower_bound(prefix);
  if (it == server_->entries.end() || !it->first.starts_with(prefix)) {
    return zx::error(ZX_ERR_NOT_FOUND);
  }
  while (it != server_->entries.end() && it->first.starts_with(prefix)) {
    it = server_->entries.erase(it);
  }
  return zx::ok();
}

zx::result<> OutgoingDirectory::AddDirectory(fidl::ClientEnd<fuchsia_io::Directory> remote,
                                             std::string_view directory_name) {
  std::string name(directory_name);
  if (name.empty() || !remote.is_valid()) return zx::error(ZX_ERR_INVALID_ARGS);
  if (server_->directories.count(name) || HasPrefix(name + "/")) {
    return zx::error(ZX_ERR_ALREADY_EXISTS);
  }
  server_->directories.emplace(std::move(name), std::move(remote));
  return zx::ok();
}

zx::result<> OutgoingDirectory::Serve(fidl::ServerEnd<fuchsia_io::Directory> server_end) {
  if (!server_end.is_valid()) return zx::error(ZX_ERR_BAD_HANDLE);
  server_->Bind(std::move(server_end));
  return zx::ok();
}

std::vector<std::string> OutgoingDirectory::Paths() const {
  std::vector<std::string> paths;
  for (const auto& [path, entry] : server_->entries) paths.push_back(path);
  return paths;
}

}  // namespace fdf
