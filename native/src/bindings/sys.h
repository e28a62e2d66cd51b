#pragma once
#include <napi.h>

namespace lookout {
void registerSys(Napi::Env env, Napi::Object exports);
}
