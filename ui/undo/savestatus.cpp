#include "savestatus.h"

#include "domain/clock.h"

namespace cp {

SaveStatus::SaveStatus(const Clock &clock, QObject *parent) : QObject(parent), m_clock(clock) {}

void SaveStatus::reportSaved()
{
    m_lastSavedUtc = m_clock.nowUtc();
    m_lastError = {};
    emit saved(m_lastSavedUtc);
}

void SaveStatus::reportFailed(const StoreError &error)
{
    m_lastError = error;
    emit failed(error);
}

} // namespace cp
