#pragma once
#include <napi.h>

namespace lookout {
void registerExtract(Napi::Env env, Napi::Object exports);
}
