#include "tcpproxy.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace cp::test {

namespace {

sockaddr_in loopback(int port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(quint16(port));
    return address;
}

} // namespace

TcpProxy::TcpProxy(int targetPort) : m_targetPort(targetPort) {}

TcpProxy::~TcpProxy()
{
    if (m_thread.joinable()) {
        send(Command::Stop);
        m_thread.join();
    }
    for (int fd : {m_listen, m_wake[0], m_wake[1]}) {
        if (fd >= 0)
            ::close(fd);
    }
}

bool TcpProxy::start(QString *why)
{
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    if (m_listen < 0 || ::bind(m_listen, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(m_listen, 64) != 0 || ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&address), &length) != 0 ||
        ::pipe2(m_wake, O_CLOEXEC | O_NONBLOCK) != 0) {
        *why = QStringLiteral("the proxy cannot listen: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { run(); });
    return true;
}

void TcpProxy::freeze()
{
    send(Command::Freeze);
}

void TcpProxy::thaw()
{
    send(Command::Thaw);
}

void TcpProxy::drop()
{
    send(Command::Drop);
}

int TcpProxy::connections()
{
    const std::lock_guard lock(m_mutex);
    return m_connections;
}

void TcpProxy::send(Command command)
{
    std::unique_lock lock(m_mutex);
    m_commands.push_back(command);
    const quint64 ticket = ++m_sent;
    const char byte = 1;
    (void)!::write(m_wake[1], &byte, 1);
    m_done.wait(lock, [&] { return m_handled >= ticket; });
}

void TcpProxy::reset(int fd)
{
    // Closed with a zero linger: the peer gets a reset, not an orderly end.
    const linger abort{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
    ::close(fd);
}

void TcpProxy::accept()
{
    for (;;) {
        const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0)
            return;
        const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const sockaddr_in target = loopback(m_targetPort);
        if (server < 0 || ::connect(server, reinterpret_cast<const sockaddr *>(&target), sizeof target) != 0) {
            if (server >= 0)
                ::close(server);
            reset(client);
            continue;
        }
        m_pairs.push_back({client, server});
    }
}

bool TcpProxy::relay(int from, int to)
{
    char buffer[65536];
    const ssize_t got = ::recv(from, buffer, sizeof buffer, 0);
    if (got <= 0)
        return false;
    for (ssize_t sent = 0; sent < got;) {
        const ssize_t n = ::send(to, buffer + sent, size_t(got - sent), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += n;
    }
    return true;
}

void TcpProxy::run()
{
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            for (Command command : m_commands) {
                switch (command) {
                case Command::Freeze:
                    m_frozen = true;
                    break;
                case Command::Thaw:
                    m_frozen = false;
                    break;
                case Command::Drop:
                case Command::Stop:
                    for (const Pair &pair : m_pairs) {
                        reset(pair.client);
                        reset(pair.server);
                    }
                    m_pairs.clear();
                    break;
                }
                ++m_handled;
                if (command == Command::Stop) {
                    m_commands.clear();
                    m_done.notify_all();
                    return;
                }
            }
            m_commands.clear();
            m_connections = int(m_pairs.size());
            m_done.notify_all();
        }
        std::vector<pollfd> watched{{m_wake[0], POLLIN, 0}};
        if (!m_frozen) {
            watched.push_back({m_listen, POLLIN, 0});
            for (const Pair &pair : m_pairs) {
                watched.push_back({pair.client, POLLIN, 0});
                watched.push_back({pair.server, POLLIN, 0});
            }
        }
        if (::poll(watched.data(), watched.size(), -1) < 0)
            continue;
        if (watched[0].revents) {
            char bytes[64];
            while (::read(m_wake[0], bytes, sizeof bytes) > 0) {
            }
            continue; // the commands first: a freeze stops what this look found
        }
        if (m_frozen)
            continue;
        std::vector<Pair> kept;
        for (size_t i = 0; i < m_pairs.size(); ++i) {
            const Pair &pair = m_pairs[i];
            const short fromClient = watched[2 + 2 * i].revents;
            const short fromServer = watched[3 + 2 * i].revents;
            bool open = true;
            if (fromClient)
                open = relay(pair.client, pair.server);
            if (open && fromServer)
                open = relay(pair.server, pair.client);
            if (open) {
                kept.push_back(pair);
            } else {
                ::close(pair.client);
                ::close(pair.server);
            }
        }
        m_pairs = kept;
        if (watched[1].revents)
            accept();
    }
}

} // namespace cp::test
