#pragma once

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace cp::test {

// A TCP proxy on 127.0.0.1 between the clients of a test and a server of its own, so the test can
// cut the link without stopping the server: freeze() stops relaying and keeps every socket open
// (a hung firewall or proxy: the clients see silence, not a refusal; new connections wait in the
// listen queue), thaw() relays again, drop() resets every connection (a middlebox restarted: the
// clients see a reset at once). Its own thread relays with poll(); each call returns once that
// thread has done it. Loopback only.
class TcpProxy
{
public:
    explicit TcpProxy(int targetPort);
    ~TcpProxy();
    TcpProxy(const TcpProxy &) = delete;
    TcpProxy &operator=(const TcpProxy &) = delete;

    // Listens on a free port of 127.0.0.1; false with the reason.
    bool start(QString *why);
    int port() const { return m_port; }

    void freeze();
    void thaw();
    void drop();
    // Connections relayed now.
    int connections();

private:
    enum class Command
    {
        Freeze,
        Thaw,
        Drop,
        Stop
    };
    struct Pair
    {
        int client = -1;
        int server = -1;
    };

    void run();
    void send(Command command);
    void accept();
    bool relay(int from, int to);
    static void reset(int fd);

    const int m_targetPort;
    int m_port = 0;
    int m_listen = -1;
    int m_wake[2] = {-1, -1};
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_done;
    std::vector<Command> m_commands; // guarded by m_mutex
    quint64 m_sent = 0;              // guarded by m_mutex
    quint64 m_handled = 0;           // guarded by m_mutex
    int m_connections = 0;           // guarded by m_mutex
    // The relay thread's own.
    std::vector<Pair> m_pairs;
    bool m_frozen = false;
};

} // namespace cp::test
