#pragma once
#include <napi.h>

namespace lookout {
void registerLevel(Napi::Env env, Napi::Object exports);
}
