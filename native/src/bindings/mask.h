#pragma once
#include <napi.h>

namespace lookout {
void registerMask(Napi::Env env, Napi::Object exports);
}
