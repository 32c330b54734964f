#pragma once

#include "db/storeerror.h"

#include <QDateTime>
#include <QObject>

namespace cp {

class Clock;

// Where the outcome of every write the window makes is reported: the status bar's save
// indicator listens. "Saved" is only ever reported after the store returned success.
class SaveStatus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaveStatus)

public:
    explicit SaveStatus(const Clock &clock, QObject *parent = nullptr);

    void reportSaved();
    void reportFailed(const StoreError &error);

    QDateTime lastSavedUtc() const { return m_lastSavedUtc; }
    StoreError lastError() const { return m_lastError; }

signals:
    void saved(const QDateTime &atUtc);
    void failed(const cp::StoreError &error);

private:
    const Clock &m_clock;
    QDateTime m_lastSavedUtc;
    StoreError m_lastError;
};

} // namespace cp
