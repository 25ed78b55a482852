from django.core.exceptions import PermissionDenied


def delete_user(request, user):
    # ruleid: assert-used-for-authorization
    assert request.user.is_staff, "staff only"
    # ruleid: assert-used-for-authorization
    assert request.user.has_perm("accounts.delete_user")
    if not request.user.is_superuser:
        raise PermissionDenied()
    # ok: assert-used-for-authorization
    assert user.pk is not None
    # ok: assert-used-for-authorization
    assert isinstance(user.email, str)
    user.delete()
