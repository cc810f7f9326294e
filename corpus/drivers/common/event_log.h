// The example drivers say what they did both in their log (FDF_LOG) and, when the environment
// variable FDFKIT_DRIVER_EVENT_LOG names a file, as one line appended there per event
// ("<driver> <event> pid=<pid>"): the framework's tests read that file to check start order,
// colocation (by pid) and stop order across host processes.
#ifndef FDFKIT_CORPUS_DRIVERS_COMMON_EVENT_LOG_H_
#define FDFKIT_CORPUS_DRIVERS_COMMON_EVENT_LOG_H_

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace fdfkit::examples {

inline void RecordEvent(const std::string& driver, const std::string& event) {
  const char* path = std::getenv("FDFKIT_DRIVER_EVENT_LOG");
  if (!path) return;
  std::string line = driver + " " + event + " pid=" + std::to_string(getpid()) + "\n";
  int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return;
  // One write with O_APPEND: lines from several host processes never interleave.
  (void)!write(fd, line.data(), line.size());
  close(fd);
}

}  // namespace fdfkit::examples

#endif  // FDFKIT_CORPUS_DRIVERS_COMMON_EVENT_LOG_H_
