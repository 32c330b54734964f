#include "deferredicon.h"

#include <QIconEngine>
#include <QPainter>

#include <optional>

namespace cp {

namespace {

class DeferredIconEngine final : public QIconEngine
{
public:
    explicit DeferredIconEngine(const QString &fileName) : m_fileName(fileName) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        // In device pixels already: the QIcon that asks sets the ratio.
        return icon().pixmap(size, 1.0, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    bool isNull() override { return m_fileName.isEmpty() || icon().isNull(); }
    QString key() const override { return QStringLiteral("cp.deferred"); }
    QIconEngine *clone() const override { return new DeferredIconEngine(*this); }

private:
    QIcon &icon()
    {
        if (!m_icon)
            m_icon = QIcon(m_fileName);
        return *m_icon;
    }

    QString m_fileName;
    std::optional<QIcon> m_icon;
};

} // namespace

QIcon deferredIcon(const QString &fileName)
{
    return QIcon(new DeferredIconEngine(fileName));
}

} // namespace cp
