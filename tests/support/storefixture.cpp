#include "storefixture.h"

namespace cp::test {

StoreFixture::StoreFixture() : m_store(m_clock) {}

StoreError StoreFixture::open()
{
    return m_store.session().open(location());
}

StoreError StoreFixture::openAnother(IncidentStore &other, const StoreSession::Options &options) const
{
    return other.session().open(location(), options);
}

} // namespace cp::test
