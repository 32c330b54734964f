// libFuzzer target: the role-template JSON import; what it accepts must survive a round trip.
#include "domain/roletemplate.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto parsed = cp::RoleTemplateFormat::fromJson(bytes, &error);
    if (parsed) {
        const auto again = cp::RoleTemplateFormat::fromJson(cp::RoleTemplateFormat::toJson(*parsed), &error);
        if (!again || !(again->roles == parsed->roles))
            std::abort(); // accepted, written, and no longer the same: a bug
    }
    return 0;
}
