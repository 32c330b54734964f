#include "silentlistener.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cp::test {

SilentListener::SilentListener(int port)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_fd < 0)
        return;
    const int yes = 1;
    ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<quint16>(port));
    socklen_t length = sizeof address;
    if (::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 || ::listen(m_fd, 16) != 0 ||
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        close();
        return;
    }
    m_port = ntohs(address.sin_port);
}

SilentListener::~SilentListener()
{
    close();
}

void SilentListener::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

QString SilentListener::address(int timeoutSeconds) const
{
    return QStringLiteral("host=127.0.0.1 port=%1 user=cp dbname=commandpost connect_timeout=%2")
        .arg(m_port)
        .arg(timeoutSeconds);
}

} // namespace cp::test
