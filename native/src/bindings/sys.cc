// The two system calls Node has no API for: a datagram to systemd's notify socket (a path, or an
// abstract name written with a leading '@'), and flock() on an open file descriptor. Failures
// are returned as errno values (0 is success) so the caller decides what they mean; misuse is a
// TypeError.
#include "sys.h"

#include <errno.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <string>

namespace lookout {
namespace {

// notifySocket(address: string, message: string): number (0, or the errno of the failed call).
Napi::Value NotifySocket(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[0].IsString() || !info[1].IsString()) {
    Napi::TypeError::New(env, "notifySocket(address, message) takes two strings").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  std::string address = info[0].As<Napi::String>().Utf8Value();
  std::string message = info[1].As<Napi::String>().Utf8Value();
  sockaddr_un sa;
  memset(&sa, 0, sizeof sa);
  sa.sun_family = AF_UNIX;
  if (address.empty() || address.size() >= sizeof sa.sun_path || (address[0] != '/' && address[0] != '@')) {
    Napi::TypeError::New(env, "the notify socket must be an absolute path or an abstract name starting with @, under 108 bytes").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  memcpy(sa.sun_path, address.data(), address.size());
  if (address[0] == '@') sa.sun_path[0] = '\0';  // abstract namespace
  socklen_t len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + address.size());
  int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return Napi::Number::New(env, errno);
  int rc = 0;
  ssize_t sent = sendto(fd, message.data(), message.size(), MSG_NOSIGNAL, reinterpret_cast<sockaddr*>(&sa), len);
  if (sent < 0) rc = errno;
  close(fd);
  return Napi::Number::New(env, rc);
}

// flockFd(fd: number, exclusive: boolean): number (0, or errno: EWOULDBLOCK when another holds it).
// Never blocks (LOCK_NB). The kernel releases the lock when the process ends, however it ends.
Napi::Value FlockFd(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[0].IsNumber() || !info[1].IsBoolean()) {
    Napi::TypeError::New(env, "flockFd(fd, exclusive) takes a file descriptor and a boolean").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  int fd = info[0].As<Napi::Number>().Int32Value();
  bool exclusive = info[1].As<Napi::Boolean>().Value();
  int rc;
  do {
    rc = flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB);
  } while (rc < 0 && errno == EINTR);
  return Napi::Number::New(env, rc < 0 ? errno : 0);
}

}  // namespace

void registerSys(Napi::Env env, Napi::Object exports) {
  exports.Set("notifySocket", Napi::Function::New(env, NotifySocket, "notifySocket"));
  exports.Set("flockFd", Napi::Function::New(env, FlockFd, "flockFd"));
}

}  // namespace lookout
