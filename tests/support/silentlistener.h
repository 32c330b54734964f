#pragma once

#include <QString>

namespace cp::test {

// A black hole for connections on 127.0.0.1: a socket that listens and never accepts or answers.
// The kernel completes each TCP handshake, so a client's connect succeeds and then waits for a
// reply that never comes, until its own timeout (libpq's connect_timeout): how a dead or
// firewalled server looks to a laptop, without waiting for a real network to drop packets.
// Closing it (or the object going) resets every connection still waiting.
class SilentListener
{
    Q_DISABLE_COPY_MOVE(SilentListener)

public:
    // Listens on 'port' (0: a free one).
    explicit SilentListener(int port = 0);
    ~SilentListener();

    bool isListening() const { return m_fd >= 0; }
    int port() const { return m_port; }
    void close();
    // A SERVER string that reaches it, giving up after 'timeoutSeconds' (libpq's minimum is 2).
    QString address(int timeoutSeconds = 2) const;

private:
    int m_fd = -1;
    int m_port = 0;
};

} // namespace cp::test
