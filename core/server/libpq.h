#pragma once

#include <QString>

#include <libpq-fe.h>

namespace cp {

// The few libpq calls of our own (the QPSQL driver loads libpq for itself), resolved on first
// use. Team mode needs libpq; a window on a file never does, so it does not load it (and the
// Kerberos, LDAP and TLS libraries behind it) at start.
class LibPq final
{
public:
    // The loaded library, or nullptr when it cannot be loaded (problem() says why).
    static const LibPq *instance();
    // Why it cannot be loaded, one line; empty when it is loaded.
    static QString problem();

    decltype(&PQconninfoParse) conninfoParse = nullptr;
    decltype(&PQconninfoFree) conninfoFree = nullptr;
    decltype(&PQfreemem) freemem = nullptr;
    decltype(&PQstatus) status = nullptr;
    decltype(&PQsocket) socket = nullptr;
    // Notifications of our own watch (ServerNotifications), on the driver's connection.
    decltype(&PQconsumeInput) consumeInput = nullptr;
    decltype(&PQnotifies) notifies = nullptr;
    // A throwaway connection of our own (ServerConnection::probe).
    decltype(&PQconnectdbParams) connectdbParams = nullptr;
    decltype(&PQerrorMessage) errorMessage = nullptr;
    decltype(&PQfinish) finish = nullptr;

private:
    struct Loaded;
    static const Loaded &loaded();
    LibPq() = default;
};

} // namespace cp
