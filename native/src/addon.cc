// Registers the exports of the Lookout native core; each kernel family lives in its own file.
#include <napi.h>

#include "bindings/cfar.h"
#include "bindings/extract.h"
#include "bindings/level.h"
#include "bindings/mask.h"
#include "bindings/sys.h"

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("version", Napi::String::New(env, "0.3.0"));
  lookout::registerCfar(env, exports);
  lookout::registerExtract(env, exports);
  lookout::registerLevel(env, exports);
  lookout::registerMask(env, exports);
  lookout::registerSys(env, exports);
  return exports;
}

NODE_API_MODULE(lookout_native, Init)
