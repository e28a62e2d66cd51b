#pragma once
#include <napi.h>

namespace lookout {
void registerCfar(Napi::Env env, Napi::Object exports);
}
